using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chalice.Events;

namespace Chalice.Serialization;

/// <summary>
/// Source-generated metadata for the event wire types and for the values a handler may return without declaring a
/// context of its own. Nothing on the request path serializes through reflection.
/// <para>
/// This list is the only list of built-in JSON types: the analyzer reads it from this assembly's metadata (CHALICE009),
/// so a type added here needs no context in the app, and one removed here gets the compile-time error.
/// </para>
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(HttpApiV2ProxyRequest))]
[JsonSerializable(typeof(HttpApiV2ProxyResponse))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonDocument))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, JsonNode>))]
internal sealed partial class ChaliceJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context for the proxy event envelope: API Gateway reads it, not a browser, so HTML-sensitive characters
    /// need no escaping.
    /// </summary>
    public static ChaliceJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>Chalice's error body: <c>{"Code": "NotFoundError", "Message": "..."}</c>.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("Code")] string Code,
    [property: JsonPropertyName("Message")] string Message);
