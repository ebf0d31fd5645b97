using System.Text;
using Chalice.Gateway.Authorization;
using Chalice.Project.LocalTokens;

namespace Chalice.Gateway;

/// <summary>The responses API Gateway itself produces, byte for byte, per API type.</summary>
internal static class GatewayErrors
{
    public static GatewayResponse UnknownRoute(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException")
        : Error(type, ids, 404, "{\"message\":\"Not Found\"}", null);

    /// <summary>
    /// An HTTP API refuses a path whose percent escapes do not decode (see <see cref="GatewayPath"/>; REST APIs pass
    /// paths on undecoded). The 400 is the status live captures show
    /// (https://github.com/hotsock/voker/blob/a1c00bf491e026f81917cc2edfdaca03eabc7518/examples/aws-ingress-probe/paths.py);
    /// the body follows the HTTP API's other gateway errors, <c>{"message":"&lt;reason phrase&gt;"}</c>.
    /// </summary>
    public static GatewayResponse UndecodablePath(ApiGatewayType type, GatewayRequestIds ids) =>
        Error(type, ids, 400, "{\"message\":\"Bad Request\"}", null);

    /// <summary>The function failed, or returned something that is not a valid proxy response.</summary>
    public static GatewayResponse MalformedResponse(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 502, "{\"message\": \"Internal server error\"}", "InternalServerErrorException")
        : Error(type, ids, 500, "{\"message\":\"Internal Server Error\"}", null);

    public static GatewayResponse Timeout(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 504, "{\"message\": \"Endpoint request timed out\"}", "IntegrationTimeout")
        : Error(type, ids, 503, "{\"message\":\"Service Unavailable\"}", null);

    public static GatewayResponse RequestTooLarge(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 413, "{\"message\":\"Request Too Long\"}", "RequestTooLongException")
        : Error(type, ids, 413, "{\"message\":\"Request Entity Too Large\"}", null);

    /// <summary>
    /// An authorizer's identity source is missing or empty (API Gateway answers without calling the authorizer), or the
    /// authorizer failed with the error message <c>Unauthorized</c>. REST: 401 <c>UnauthorizedException</c>, as
    /// https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-401-error-lambda-authorizer/ describes and
    /// https://github.com/auth0-samples/jwt-rsa-aws-custom-authorizer/pull/6 shows; HTTP APIs answer the same status
    /// and body without the error type header, like their other errors
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
    /// </summary>
    public static GatewayResponse Unauthorized(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException")
        : Error(type, ids, 401, "{\"message\":\"Unauthorized\"}", null);

    /// <summary>
    /// The authorizer's policy does not allow the call. REST: 403 <c>AccessDeniedException</c> with a capitalised
    /// <c>Message</c>, as captured from a deployed Chalice authorizer (https://github.com/aws/chalice/issues/971:
    /// <c>Content-Length: 60</c>, the compact body below); with <c>... with an explicit deny</c> when a statement
    /// denies it (https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer). HTTP APIs: 403
    /// <c>{"message":"Forbidden"}</c>.
    /// </summary>
    public static GatewayResponse AccessDenied(ApiGatewayType type, GatewayRequestIds ids, bool explicitDeny) => type == ApiGatewayType.Rest
        ? Error(type, ids, 403, explicitDeny
            ? "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}"
            : "{\"Message\":\"User is not authorized to access this resource\"}", "AccessDeniedException")
        : Error(type, ids, 403, "{\"message\":\"Forbidden\"}", null);

    /// <summary>
    /// The authorizer failed (an error other than <c>Unauthorized</c>, a timeout) or answered something that is not a
    /// valid policy. REST: 500 <c>{"message":null}</c> with <c>AuthorizerConfigurationException</c>
    /// (https://github.com/serverless/examples/issues/305, https://github.com/auth0-samples/jwt-rsa-aws-custom-authorizer/pull/6,
    /// and chalice/local.py's <c>InvalidAuthorizerError</c>); HTTP APIs: their 500.
    /// </summary>
    public static GatewayResponse AuthorizerFailure(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 500, "{\"message\":null}", "AuthorizerConfigurationException")
        : Error(type, ids, 500, "{\"message\":\"Internal Server Error\"}", null);

    /// <summary>
    /// A route that requires an API key was called without <c>x-api-key</c>, or with a value that is not one of the
    /// stage's keys: API Gateway's <c>INVALID_API_KEY</c> gateway response, 403
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html), whose body
    /// is <c>{"message":"Forbidden"}</c> with <c>x-amzn-ErrorType: ForbiddenException</c>
    /// (https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden, the "Forbidden" rows). HTTP APIs
    /// have no API keys (a deploy refuses such a route); the emulator answers their plain 403 rather than serve it open.
    /// </summary>
    public static GatewayResponse InvalidApiKey(ApiGatewayType type, GatewayRequestIds ids) => type == ApiGatewayType.Rest
        ? Error(type, ids, 403, "{\"message\":\"Forbidden\"}", "ForbiddenException")
        : Error(type, ids, 403, "{\"message\":\"Forbidden\"}", null);

    /// <summary>
    /// A Cognito user pool or JWT authorizer refused the token. REST APIs: 401 <c>UnauthorizedException</c> with
    /// <c>{"message":"Unauthorized"}</c>, or <c>{"message":"The incoming token has expired"}</c> for an expired one
    /// (https://github.com/aws-amplify/amplify-js/issues/6060, from a Cognito authorizer). HTTP APIs: 401
    /// <c>{"message":"Unauthorized"}</c> with the reason in <c>www-authenticate</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html, whose example is
    /// the audience's). Only that description is documented; "signing method X is invalid" is what a deployed HTTP
    /// API answered for ES256 in a public project's notes; the others are this emulator's wording in the same form.
    /// </summary>
    public static GatewayResponse InvalidToken(ApiGatewayType type, GatewayRequestIds ids, TokenProblem problem, string? algorithm)
    {
        if (type == ApiGatewayType.Rest)
        {
            return problem == TokenProblem.Expired
                ? Error(type, ids, 401, "{\"message\":\"The incoming token has expired\"}", "UnauthorizedException")
                : Error(type, ids, 401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
        }
        var description = problem switch
        {
            TokenProblem.WrongAudience => "the token does not have a valid audience",
            TokenProblem.UnsupportedAlgorithm => $"signing method {algorithm ?? "none"} is invalid",
            TokenProblem.Expired => "the token has expired",
            TokenProblem.NotYetValid => "the token is not valid yet",
            TokenProblem.WrongIssuer => "the token does not have a valid issuer",
            TokenProblem.UnknownKey => "the token's key id is not one of the issuer's",
            TokenProblem.BadSignature => "the token's signature is invalid",
            _ => "the token is malformed",
        };
        var response = Error(type, ids, 401, "{\"message\":\"Unauthorized\"}", null);
        var headers = response.Headers.ToList();
        headers.Insert(0, new("www-authenticate", $"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{description}\""));
        return response with { Headers = headers };
    }

    /// <summary>An <c>AWS_IAM</c> route's request is unsigned or badly signed: 403 with the refusal's type and message (see <see cref="SignatureRefusal"/>).</summary>
    public static GatewayResponse SignatureRefused(ApiGatewayType type, GatewayRequestIds ids, SignatureRefusal refusal) =>
        Error(type, ids, 403, new System.Text.Json.Nodes.JsonObject { ["message"] = refusal.Message }.ToJsonString(),
            type == ApiGatewayType.Rest ? refusal.ErrorType : null);

    public static void AddGatewayHeaders(List<KeyValuePair<string, string>> headers, ApiGatewayType type, GatewayRequestIds ids, bool includeTrace)
    {
        if (type == ApiGatewayType.Rest)
        {
            headers.Insert(0, new("x-amzn-RequestId", ids.RequestId));
            headers.Add(new("x-amz-apigw-id", ids.ExtendedRequestId));
            if (includeTrace)
                headers.Add(new("X-Amzn-Trace-Id", ids.TraceId));
        }
        else
        {
            headers.Add(new("Apigw-Requestid", ids.RequestId));
        }
    }

    private static GatewayResponse Error(ApiGatewayType type, GatewayRequestIds ids, int status, string body, string? errorType)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (errorType is not null)
            headers.Add(new("x-amzn-ErrorType", errorType));
        AddGatewayHeaders(headers, type, ids, includeTrace: false);
        headers.Add(new("Content-Type", "application/json"));
        return new GatewayResponse(status, headers, Encoding.UTF8.GetBytes(body));
    }
}
