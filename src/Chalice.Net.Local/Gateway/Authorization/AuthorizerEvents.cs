using System.Text;
using System.Text.Json.Nodes;
using Chalice.Functions;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// The event API Gateway sends a Lambda authorizer, per API type, shaped as AWS's samples in shared/fixtures/events:
/// a REST <c>TOKEN</c> authorizer gets <c>type</c>, <c>authorizationToken</c> and <c>methodArn</c>
/// (apigw-custom-auth-request.json); a REST <c>REQUEST</c> authorizer the request as in a proxy event, without its body
/// (apigw-custom-auth-request-type-request.json); an HTTP API with payload 1.0 that with <c>version</c>,
/// <c>identitySource</c> and <c>authorizationToken</c> (apigw-v2-custom-authorizer-v1-request.json), and with payload
/// 2.0 the payload 2.0 request with <c>type</c>, <c>routeArn</c> and <c>identitySource</c>
/// (apigw-v2-custom-authorizer-v2-request.json).
/// </summary>
internal static class AuthorizerEvents
{
    // What a REQUEST authorizer receives of the proxy event (everything but the body).
    private static readonly string[] s_restMembers =
    [
        "resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
        "pathParameters", "stageVariables", "requestContext",
    ];

    private static readonly string[] s_httpApiMembers =
    [
        "routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables",
    ];

    public static byte[] Create(ApiGatewayType type, AuthorizerSettings settings, string[] identity, string methodArn, Func<byte[]> proxyEvent)
    {
        JsonObject authorizerEvent;
        if (type == ApiGatewayType.HttpPayloadV2)
        {
            authorizerEvent = new JsonObject
            {
                ["version"] = "2.0",
                ["type"] = AuthorizerSettings.RequestType,
                ["routeArn"] = methodArn,
                ["identitySource"] = new JsonArray([.. identity.Select(v => (JsonNode)v)]),
            };
            Copy(proxyEvent(), s_httpApiMembers, authorizerEvent);
        }
        else if (type == ApiGatewayType.Rest && settings.Type == AuthorizerSettings.TokenType)
        {
            authorizerEvent = new JsonObject { ["type"] = AuthorizerSettings.TokenType, ["authorizationToken"] = identity[0], ["methodArn"] = methodArn };
        }
        else
        {
            authorizerEvent = new JsonObject();
            if (type == ApiGatewayType.HttpPayloadV1)
            {
                authorizerEvent["version"] = "1.0";
                authorizerEvent["identitySource"] = string.Join(",", identity);
                authorizerEvent["authorizationToken"] = string.Join(",", identity);
            }
            authorizerEvent["type"] = AuthorizerSettings.RequestType;
            authorizerEvent["methodArn"] = methodArn;
            Copy(proxyEvent(), s_restMembers, authorizerEvent);
        }
        return Encoding.UTF8.GetBytes(authorizerEvent.ToJsonString());
    }

    private static void Copy(byte[] proxyEvent, string[] members, JsonObject target)
    {
        var source = JsonNode.Parse(proxyEvent)!.AsObject();
        foreach (var member in members)
        {
            if (source[member] is { } value)
                target[member] = value.DeepClone();
        }
    }
}
