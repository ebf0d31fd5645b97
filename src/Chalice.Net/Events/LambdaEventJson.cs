using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Chalice.Events;

/// <summary>
/// Reads and writes the events of Lambda's event sources and of authorizers, and the responses to them, as AWS sends
/// and expects them: <see cref="S3Event"/>, <see cref="SqsEvent"/>, <see cref="SnsEvent"/>,
/// <see cref="EventBridgeEvent"/>, <see cref="KinesisEvent"/>, <see cref="DynamoDBEvent"/>,
/// <see cref="BatchResponse"/>, <see cref="ApiGatewayAuthorizerRequest"/>, <see cref="HttpApiV2AuthorizerRequest"/>,
/// <see cref="ApiGatewayAuthorizerResponse"/> and <see cref="HttpApiV2AuthorizerSimpleResponse"/>. For a typed
/// <see cref="EventBridgeEvent{TDetail}"/>, use the app's own <c>JsonSerializerContext</c>.
/// </summary>
public static class LambdaEventJson
{
    /// <summary>Reads an event or response of type <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a <typeparamref name="T"/> (a member it requires is missing, a value has the wrong type).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the types listed above.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json) where T : class =>
        TypeInfoCache<T>.FastReader?.Invoke(utf8Json) ?? JsonSerializer.Deserialize(utf8Json, TypeInfoOf<T>()) ?? throw NullEvent<T>();

    /// <inheritdoc cref="Parse{T}(ReadOnlySpan{byte})" />
    public static T Parse<T>(string json) where T : class =>
        JsonSerializer.Deserialize(json, TypeInfoOf<T>()) ?? throw NullEvent<T>();

    /// <summary>Writes an event or response as UTF-8 JSON.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the types listed above.</exception>
    public static byte[] Serialize<T>(T value) where T : class => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfoOf<T>());

    private static JsonException NullEvent<T>() => new($"A {typeof(T).Name} cannot be null.");

    private static JsonTypeInfo<T> TypeInfoOf<T>() =>
        TypeInfoCache<T>.Value ?? throw new NotSupportedException(
            $"{Describe(typeof(T))} is not a Lambda event or response type Chalice.Net knows; read it with your app's JsonSerializerContext.");

    /// <summary><c>EventBridgeEvent&lt;OrderPlaced&gt;</c> rather than the runtime's <c>EventBridgeEvent`1</c>.</summary>
    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GenericTypeArguments.Select(Describe))}>" : type.Name;

    /// <summary>Reads a <typeparamref name="T"/> as the serializer would, or answers null for the serializer to read it.</summary>
    private delegate T? FastReader<out T>(ReadOnlySpan<byte> utf8Json);

    /// <summary>
    /// The metadata of one type, looked up once (the context's lookup compares the type with each it knows), and its
    /// fast reader if it has one: the events read on every invocation of a busy function.
    /// </summary>
    private static class TypeInfoCache<T>
    {
        public static readonly JsonTypeInfo<T>? Value = LambdaEventJsonContext.Wire.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>;

        public static readonly FastReader<T>? FastReader = typeof(T) == typeof(SqsEvent) ? (FastReader<T>)(object)new FastReader<SqsEvent>(FastSqsEventReader.TryRead) : null;
    }
}
