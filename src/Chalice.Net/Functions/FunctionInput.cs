using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Chalice.Functions;

/// <summary>Reads a handler's own input type from a payload; generated code calls this.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FunctionInput
{
    /// <summary>
    /// Reads <typeparamref name="T"/> through the app's JSON metadata (the analyzer makes sure it has some, CHALICE009).
    /// JSON <c>null</c> reads as <see langword="default"/>.
    /// </summary>
    /// <exception cref="JsonException">The payload does not read as <typeparamref name="T"/>.</exception>
    public static T? Read<T>(ReadOnlySpan<byte> payload, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(payload, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
