using System.Text.Json;
using System.Text.Json.Nodes;
using static Chalice.Events.FastEventReading;

namespace Chalice.Events;

/// <summary>
/// Reads the proxy events a Lambda or the emulator receives on every request, faster than the general deserializer:
/// it reads exactly the members the wire types model, in one pass, and shares strings that API Gateway repeats
/// (<c>multiValueHeaders</c> repeats every name and value of <c>headers</c>). On anything else (a member the types do
/// not model, a value of an unexpected kind) it gives up and returns null, and the caller uses
/// <see cref="ProxyEventJson"/>, so both always agree.
/// </summary>
internal static class FastProxyEventReader
{
    public static ApiGatewayProxyRequest? TryReadRestEvent(ReadOnlySpan<byte> json) => TryReadEvent<ApiGatewayProxyRequest>(json, ReadRestEventMember);

    public static HttpApiV2ProxyRequest? TryReadHttpApiEvent(ReadOnlySpan<byte> json) => TryReadEvent<HttpApiV2ProxyRequest>(json, ReadHttpApiEventMember);

    private static bool ReadRestEventMember(ref Utf8JsonReader reader, ApiGatewayProxyRequest target)
    {
        if (reader.ValueTextEquals("headers"u8))
            return TryReadMap(ref reader, out var v) && Set(target.Headers = v);
        if (reader.ValueTextEquals("multiValueHeaders"u8))
            return TryReadMultiMap(ref reader, target.Headers, out var v) && Set(target.MultiValueHeaders = v);
        if (reader.ValueTextEquals("requestContext"u8))
            return TryReadModel<ProxyRequestContext>(ref reader, ReadRestContextMember, out var v) && Set(target.RequestContext = v);
        if (reader.ValueTextEquals("resource"u8))
            return TryReadString(ref reader, out var v) && Set(target.Resource = v);
        if (reader.ValueTextEquals("path"u8))
            return TryReadString(ref reader, out var v) && Set(target.Path = v);
        if (reader.ValueTextEquals("httpMethod"u8))
            return TryReadString(ref reader, out var v) && Set(target.HttpMethod = v);
        if (reader.ValueTextEquals("queryStringParameters"u8))
            return TryReadMap(ref reader, out var v) && Set(target.QueryStringParameters = v);
        if (reader.ValueTextEquals("multiValueQueryStringParameters"u8))
            return TryReadMultiMap(ref reader, target.QueryStringParameters, out var v) && Set(target.MultiValueQueryStringParameters = v);
        if (reader.ValueTextEquals("pathParameters"u8))
            return TryReadMap(ref reader, out var v) && Set(target.PathParameters = v);
        if (reader.ValueTextEquals("stageVariables"u8))
            return TryReadMap(ref reader, out var v) && Set(target.StageVariables = v);
        if (reader.ValueTextEquals("body"u8))
            return TryReadString(ref reader, out var v) && Set(target.Body = v);
        if (reader.ValueTextEquals("isBase64Encoded"u8))
            return TryReadBool(ref reader, out var v) && Set(target.IsBase64Encoded = v);
        if (reader.ValueTextEquals("version"u8))
            return TryReadString(ref reader, out var v) && Set(target.Version = v);
        return false;
    }

    private static bool ReadHttpApiEventMember(ref Utf8JsonReader reader, HttpApiV2ProxyRequest target)
    {
        if (reader.ValueTextEquals("headers"u8))
            return TryReadMap(ref reader, out var v) && Set(target.Headers = v);
        if (reader.ValueTextEquals("requestContext"u8))
            return TryReadModel<HttpApiV2RequestContext>(ref reader, ReadHttpApiContextMember, out var v) && Set(target.RequestContext = v);
        if (reader.ValueTextEquals("version"u8))
            return TryReadString(ref reader, out var v) && Set(target.Version = v);
        if (reader.ValueTextEquals("routeKey"u8))
            return TryReadString(ref reader, out var v) && Set(target.RouteKey = v);
        if (reader.ValueTextEquals("rawPath"u8))
            return TryReadString(ref reader, out var v) && Set(target.RawPath = v);
        if (reader.ValueTextEquals("rawQueryString"u8))
            return TryReadString(ref reader, out var v) && Set(target.RawQueryString = v);
        if (reader.ValueTextEquals("cookies"u8))
            return TryReadList(ref reader, out var v) && Set(target.Cookies = v);
        if (reader.ValueTextEquals("queryStringParameters"u8))
            return TryReadMap(ref reader, out var v) && Set(target.QueryStringParameters = v);
        if (reader.ValueTextEquals("pathParameters"u8))
            return TryReadMap(ref reader, out var v) && Set(target.PathParameters = v);
        if (reader.ValueTextEquals("stageVariables"u8))
            return TryReadMap(ref reader, out var v) && Set(target.StageVariables = v);
        if (reader.ValueTextEquals("body"u8))
            return TryReadString(ref reader, out var v) && Set(target.Body = v);
        if (reader.ValueTextEquals("isBase64Encoded"u8))
            return TryReadBool(ref reader, out var v) && Set(target.IsBase64Encoded = v);
        return false;
    }

    private static bool ReadRestContextMember(ref Utf8JsonReader reader, ProxyRequestContext target)
    {
        if (reader.ValueTextEquals("accountId"u8))
            return TryReadString(ref reader, out var v) && Set(target.AccountId = v);
        if (reader.ValueTextEquals("resourceId"u8))
            return TryReadString(ref reader, out var v) && Set(target.ResourceId = v);
        if (reader.ValueTextEquals("stage"u8))
            return TryReadString(ref reader, out var v) && Set(target.Stage = v);
        if (reader.ValueTextEquals("domainName"u8))
            return TryReadString(ref reader, out var v) && Set(target.DomainName = v);
        if (reader.ValueTextEquals("domainPrefix"u8))
            return TryReadString(ref reader, out var v) && Set(target.DomainPrefix = v);
        if (reader.ValueTextEquals("requestId"u8))
            return TryReadString(ref reader, out var v) && Set(target.RequestId = v);
        if (reader.ValueTextEquals("extendedRequestId"u8))
            return TryReadString(ref reader, out var v) && Set(target.ExtendedRequestId = v);
        if (reader.ValueTextEquals("protocol"u8))
            return TryReadString(ref reader, out var v) && Set(target.Protocol = v);
        if (reader.ValueTextEquals("identity"u8))
            return TryReadModel<RequestIdentity>(ref reader, ReadIdentityMember, out var v) && Set(target.Identity = v);
        if (reader.ValueTextEquals("resourcePath"u8))
            return TryReadString(ref reader, out var v) && Set(target.ResourcePath = v);
        if (reader.ValueTextEquals("path"u8))
            return TryReadString(ref reader, out var v) && Set(target.Path = v);
        if (reader.ValueTextEquals("httpMethod"u8))
            return TryReadString(ref reader, out var v) && Set(target.HttpMethod = v);
        if (reader.ValueTextEquals("requestTime"u8))
            return TryReadString(ref reader, out var v) && Set(target.RequestTime = v);
        if (reader.ValueTextEquals("requestTimeEpoch"u8))
            return TryReadLong(ref reader, out var v) && Set(target.RequestTimeEpoch = v);
        if (reader.ValueTextEquals("apiId"u8))
            return TryReadString(ref reader, out var v) && Set(target.ApiId = v);
        if (reader.ValueTextEquals("operationName"u8))
            return TryReadString(ref reader, out var v) && Set(target.OperationName = v);
        if (reader.ValueTextEquals("authorizer"u8))
            return TryReadObject(ref reader, out var v) && Set(target.Authorizer = v);
        return false;
    }

    private static bool ReadIdentityMember(ref Utf8JsonReader reader, RequestIdentity target)
    {
        if (reader.ValueTextEquals("sourceIp"u8))
            return TryReadString(ref reader, out var v) && Set(target.SourceIp = v);
        if (reader.ValueTextEquals("userAgent"u8))
            return TryReadString(ref reader, out var v) && Set(target.UserAgent = v);
        if (reader.ValueTextEquals("cognitoIdentityPoolId"u8))
            return TryReadString(ref reader, out var v) && Set(target.CognitoIdentityPoolId = v);
        if (reader.ValueTextEquals("accountId"u8))
            return TryReadString(ref reader, out var v) && Set(target.AccountId = v);
        if (reader.ValueTextEquals("cognitoIdentityId"u8))
            return TryReadString(ref reader, out var v) && Set(target.CognitoIdentityId = v);
        if (reader.ValueTextEquals("caller"u8))
            return TryReadString(ref reader, out var v) && Set(target.Caller = v);
        if (reader.ValueTextEquals("apiKey"u8))
            return TryReadString(ref reader, out var v) && Set(target.ApiKey = v);
        if (reader.ValueTextEquals("apiKeyId"u8))
            return TryReadString(ref reader, out var v) && Set(target.ApiKeyId = v);
        if (reader.ValueTextEquals("accessKey"u8))
            return TryReadString(ref reader, out var v) && Set(target.AccessKey = v);
        if (reader.ValueTextEquals("cognitoAuthenticationType"u8))
            return TryReadString(ref reader, out var v) && Set(target.CognitoAuthenticationType = v);
        if (reader.ValueTextEquals("cognitoAuthenticationProvider"u8))
            return TryReadString(ref reader, out var v) && Set(target.CognitoAuthenticationProvider = v);
        if (reader.ValueTextEquals("userArn"u8))
            return TryReadString(ref reader, out var v) && Set(target.UserArn = v);
        if (reader.ValueTextEquals("user"u8))
            return TryReadString(ref reader, out var v) && Set(target.User = v);
        if (reader.ValueTextEquals("clientCert"u8))
            return TryReadObject(ref reader, out var v) && Set(target.ClientCert = v);
        return false;
    }

    private static bool ReadHttpApiContextMember(ref Utf8JsonReader reader, HttpApiV2RequestContext target)
    {
        if (reader.ValueTextEquals("http"u8))
            return TryReadModel<HttpApiV2HttpDescription>(ref reader, ReadHttpMember, out var v) && Set(target.Http = v);
        if (reader.ValueTextEquals("accountId"u8))
            return TryReadString(ref reader, out var v) && Set(target.AccountId = v);
        if (reader.ValueTextEquals("apiId"u8))
            return TryReadString(ref reader, out var v) && Set(target.ApiId = v);
        if (reader.ValueTextEquals("domainName"u8))
            return TryReadString(ref reader, out var v) && Set(target.DomainName = v);
        if (reader.ValueTextEquals("domainPrefix"u8))
            return TryReadString(ref reader, out var v) && Set(target.DomainPrefix = v);
        if (reader.ValueTextEquals("requestId"u8))
            return TryReadString(ref reader, out var v) && Set(target.RequestId = v);
        if (reader.ValueTextEquals("routeKey"u8))
            return TryReadString(ref reader, out var v) && Set(target.RouteKey = v);
        if (reader.ValueTextEquals("stage"u8))
            return TryReadString(ref reader, out var v) && Set(target.Stage = v);
        if (reader.ValueTextEquals("time"u8))
            return TryReadString(ref reader, out var v) && Set(target.Time = v);
        if (reader.ValueTextEquals("timeEpoch"u8))
            return TryReadLong(ref reader, out var v) && Set(target.TimeEpoch = v);
        if (reader.ValueTextEquals("authorizer"u8))
            return TryReadObject(ref reader, out var v) && Set(target.Authorizer = v);
        if (reader.ValueTextEquals("authentication"u8))
            return TryReadObject(ref reader, out var v) && Set(target.Authentication = v);
        return false;
    }

    private static bool ReadHttpMember(ref Utf8JsonReader reader, HttpApiV2HttpDescription target)
    {
        if (reader.ValueTextEquals("method"u8))
            return TryReadString(ref reader, out var v) && Set(target.Method = v);
        if (reader.ValueTextEquals("path"u8))
            return TryReadString(ref reader, out var v) && Set(target.Path = v);
        if (reader.ValueTextEquals("protocol"u8))
            return TryReadString(ref reader, out var v) && Set(target.Protocol = v);
        if (reader.ValueTextEquals("sourceIp"u8))
            return TryReadString(ref reader, out var v) && Set(target.SourceIp = v);
        if (reader.ValueTextEquals("userAgent"u8))
            return TryReadString(ref reader, out var v) && Set(target.UserAgent = v);
        return false;
    }
}
