// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html and
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html (payload 1.0)
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// What API Gateway sends a Lambda authorizer of a REST API, <c>TOKEN</c> type (just <see cref="AuthorizationToken"/>
/// and <see cref="MethodArn"/>) or <c>REQUEST</c> type (the request's headers, query, path and stage variables and
/// context), and what an HTTP API sends one with payload format 1.0 (a <c>REQUEST</c> with <see cref="Version"/>
/// <c>1.0</c> and <see cref="IdentitySource"/>). The authorizer answers with an <see cref="ApiGatewayAuthorizerResponse"/>.
/// </summary>
public sealed class ApiGatewayAuthorizerRequest
{
    /// <summary><c>1.0</c> from an HTTP API; absent from REST APIs.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type"), JsonRequired] public string Type { get; set; } = "";

    /// <summary>The method being called: <c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>.</summary>
    [JsonPropertyName("methodArn"), JsonRequired] public string MethodArn { get; set; } = "";

    /// <summary>
    /// For <c>TOKEN</c>: the value of the token source header (<c>Authorization</c> by default), as the caller sent
    /// it, e.g. <c>Bearer abc</c>. HTTP APIs send the identity sources joined with commas.
    /// </summary>
    [JsonPropertyName("authorizationToken")] public string? AuthorizationToken { get; set; }

    /// <summary>From an HTTP API: the identity source values joined with commas.</summary>
    [JsonPropertyName("identitySource")] public string? IdentitySource { get; set; }

    /// <summary>The resource template, e.g. <c>/objects/{key}</c>.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; set; }

    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }
    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
