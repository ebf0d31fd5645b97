// Members mirror AWS's JSON field names one for one; AWS's documentation describes them.
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>What a Lambda proxy integration returns to a REST API (and to an HTTP API with payload 1.0).</summary>
public sealed class ApiGatewayProxyResponse
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }
    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>What a Lambda integration returns to an HTTP API with payload format 2.0.</summary>
public sealed class HttpApiV2ProxyResponse
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Each entry becomes a <c>Set-Cookie</c> header.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
