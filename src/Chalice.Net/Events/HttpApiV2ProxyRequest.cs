// Members mirror AWS's JSON field names one for one; AWS's documentation describes them.
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// The event an HTTP API sends with payload format 2.0 (also used by Lambda function URLs). Repeated headers and query
/// values arrive joined with commas; cookies arrive separately.
/// </summary>
public sealed class HttpApiV2ProxyRequest
{
    /// <summary>Always <c>2.0</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>The route that matched, e.g. <c>GET /objects/{key}</c> or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    [JsonPropertyName("rawPath")] public string? RawPath { get; set; }
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; set; }
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }
    [JsonPropertyName("requestContext")] public HttpApiV2RequestContext? RequestContext { get; set; }
    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("isBase64Encoded")] public bool? IsBase64Encoded { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext</c> of a payload 2.0 event.</summary>
public sealed class HttpApiV2RequestContext
{
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("apiId")] public string? ApiId { get; set; }
    [JsonPropertyName("authentication")] public JsonObject? Authentication { get; set; }
    [JsonPropertyName("authorizer")] public JsonObject? Authorizer { get; set; }
    [JsonPropertyName("domainName")] public string? DomainName { get; set; }
    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }
    [JsonPropertyName("http")] public HttpApiV2HttpDescription? Http { get; set; }
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }
    [JsonPropertyName("stage")] public string? Stage { get; set; }

    /// <summary>The request time, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    [JsonPropertyName("time")] public string? Time { get; set; }

    [JsonPropertyName("timeEpoch")] public long? TimeEpoch { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext.http</c> member of a payload 2.0 event.</summary>
public sealed class HttpApiV2HttpDescription
{
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("protocol")] public string? Protocol { get; set; }
    [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
