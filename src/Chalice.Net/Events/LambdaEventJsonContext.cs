using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// Source-generated metadata for the event and response types of every Lambda event source and of authorizers
/// (the proxy events have theirs in <see cref="Serialization.ChaliceJsonContext"/>). Nothing here serializes through
/// reflection, so it is Native AOT safe.
/// </summary>
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ApiGatewayAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiV2AuthorizerRequest))]
[JsonSerializable(typeof(ApiGatewayAuthorizerResponse))]
[JsonSerializable(typeof(HttpApiV2AuthorizerSimpleResponse))]
internal sealed partial class LambdaEventJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The options events travel with: members AWS leaves out stay out (no <c>null</c>s written), and text is not
    /// HTML-escaped, since Lambda reads it, not a browser (AWS sends <c>"</c> in a body as <c>\"</c>, not <c>\u0022</c>).
    /// </summary>
    public static LambdaEventJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
