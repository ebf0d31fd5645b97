using System.Text;

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
