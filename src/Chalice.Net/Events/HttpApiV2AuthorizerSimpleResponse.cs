using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// An HTTP API Lambda authorizer's answer when simple responses are on: allowed or not, and values passed on to the
/// integration.
/// </summary>
/// <remarks>AWS: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html</remarks>
public sealed class HttpApiV2AuthorizerSimpleResponse
{
    /// <summary>Whether the caller may call the route.</summary>
    [JsonPropertyName("isAuthorized")] public required bool IsAuthorized { get; set; }

    /// <summary>Values the handler sees in <c>requestContext.authorizer.lambda</c>.</summary>
    [JsonPropertyName("context")] public JsonObject? Context { get; set; }

    /// <summary>Members this version does not model, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
