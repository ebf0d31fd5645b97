// Members mirror AWS's JSON field names one for one; AWS's documentation describes them.
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// The event API Gateway sends to a Lambda proxy integration of a REST API (payload format 1.0), wire-compatible with
/// AWS's JSON. Members the type does not model are kept in <see cref="AdditionalProperties"/>, so a round trip loses
/// nothing.
/// </summary>
public sealed class ApiGatewayProxyRequest
{
    /// <summary><c>1.0</c> when an HTTP API sends payload format 1.0; absent from REST API events.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>The resource template that matched, e.g. <c>/objects/{key}</c>.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; set; }

    /// <summary>The request path without the stage, e.g. <c>/objects/a.json</c>.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>The last value of each header.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Every value of each header, in order.</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>The last value of each query parameter, URL-decoded.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>The body as text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")] public bool? IsBase64Encoded { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>requestContext</c> of a REST API proxy event.</summary>
public sealed class ProxyRequestContext
{
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("resourceId")] public string? ResourceId { get; set; }
    [JsonPropertyName("operationName")] public string? OperationName { get; set; }
    [JsonPropertyName("stage")] public string? Stage { get; set; }
    [JsonPropertyName("domainName")] public string? DomainName { get; set; }
    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }
    [JsonPropertyName("extendedRequestId")] public string? ExtendedRequestId { get; set; }
    [JsonPropertyName("protocol")] public string? Protocol { get; set; }
    [JsonPropertyName("identity")] public RequestIdentity? Identity { get; set; }

    /// <summary>The resource template, e.g. <c>/objects/{key}</c>.</summary>
    [JsonPropertyName("resourcePath")] public string? ResourcePath { get; set; }

    /// <summary>The path as the client sent it, with the stage prefix, e.g. <c>/api/objects/a.json</c>.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>What an authorizer returned: claims, principal id, context values.</summary>
    [JsonPropertyName("authorizer")] public JsonObject? Authorizer { get; set; }

    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>The request time in CLF format, e.g. <c>09/Apr/2015:12:34:56 +0000</c>.</summary>
    [JsonPropertyName("requestTime")] public string? RequestTime { get; set; }

    [JsonPropertyName("requestTimeEpoch")] public long? RequestTimeEpoch { get; set; }
    [JsonPropertyName("apiId")] public string? ApiId { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The caller's identity in a REST API proxy event.</summary>
public sealed class RequestIdentity
{
    [JsonPropertyName("cognitoIdentityPoolId")] public string? CognitoIdentityPoolId { get; set; }
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("cognitoIdentityId")] public string? CognitoIdentityId { get; set; }
    [JsonPropertyName("caller")] public string? Caller { get; set; }
    [JsonPropertyName("apiKey")] public string? ApiKey { get; set; }
    [JsonPropertyName("apiKeyId")] public string? ApiKeyId { get; set; }
    [JsonPropertyName("accessKey")] public string? AccessKey { get; set; }
    [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }
    [JsonPropertyName("cognitoAuthenticationType")] public string? CognitoAuthenticationType { get; set; }
    [JsonPropertyName("cognitoAuthenticationProvider")] public string? CognitoAuthenticationProvider { get; set; }
    [JsonPropertyName("userArn")] public string? UserArn { get; set; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }
    [JsonPropertyName("user")] public string? User { get; set; }

    /// <summary>The client certificate of a mutual-TLS request.</summary>
    [JsonPropertyName("clientCert")] public JsonObject? ClientCert { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
