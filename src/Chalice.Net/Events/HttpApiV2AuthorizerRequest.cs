// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html (payload 2.0)
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// What an HTTP API sends a Lambda authorizer with payload format 2.0: the request, as in a payload 2.0 proxy event,
/// with the route being called (<see cref="RouteArn"/>) and the identity source values. The authorizer answers with an
/// <see cref="HttpApiV2AuthorizerSimpleResponse"/> (simple responses on) or an <see cref="ApiGatewayAuthorizerResponse"/>.
/// </summary>
public sealed class HttpApiV2AuthorizerRequest
{
    /// <summary><c>2.0</c>.</summary>
    [JsonPropertyName("version"), JsonRequired] public string Version { get; set; } = "";

    /// <summary><c>REQUEST</c>.</summary>
    [JsonPropertyName("type"), JsonRequired] public string Type { get; set; } = "";

    /// <summary>The route being called: <c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>.</summary>
    [JsonPropertyName("routeArn"), JsonRequired] public string RouteArn { get; set; } = "";

    /// <summary>The values of the authorizer's identity sources, in their order; absent when it has none.</summary>
    [JsonPropertyName("identitySource")] public List<string>? IdentitySource { get; set; }

    /// <summary>The route that matched, e.g. <c>GET /objects/{key}</c> or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    [JsonPropertyName("rawPath")] public string? RawPath { get; set; }
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; set; }
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }
    [JsonPropertyName("requestContext")] public HttpApiV2RequestContext? RequestContext { get; set; }
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
