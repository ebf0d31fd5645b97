using System.Text.Json;
using System.Text.Json.Nodes;

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
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static ApiGatewayProxyRequest? TryReadRestEvent(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, s_options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        var e = new ApiGatewayProxyRequest();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("headers"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.Headers = v);
            else if (reader.ValueTextEquals("multiValueHeaders"u8))
                ok = TryReadMultiMap(ref reader, e.Headers, out var v) && Set(e.MultiValueHeaders = v);
            else if (reader.ValueTextEquals("requestContext"u8))
                ok = TryReadRestContext(ref reader, out var v) && Set(e.RequestContext = v);
            else if (reader.ValueTextEquals("resource"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Resource = v);
            else if (reader.ValueTextEquals("path"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Path = v);
            else if (reader.ValueTextEquals("httpMethod"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.HttpMethod = v);
            else if (reader.ValueTextEquals("queryStringParameters"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.QueryStringParameters = v);
            else if (reader.ValueTextEquals("multiValueQueryStringParameters"u8))
                ok = TryReadMultiMap(ref reader, e.QueryStringParameters, out var v) && Set(e.MultiValueQueryStringParameters = v);
            else if (reader.ValueTextEquals("pathParameters"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.PathParameters = v);
            else if (reader.ValueTextEquals("stageVariables"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.StageVariables = v);
            else if (reader.ValueTextEquals("body"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Body = v);
            else if (reader.ValueTextEquals("isBase64Encoded"u8))
                ok = TryReadBool(ref reader, out var v) && Set(e.IsBase64Encoded = v);
            else if (reader.ValueTextEquals("version"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Version = v);
            else
                ok = false;
            if (!ok)
                return null;
        }
        return reader.TokenType == JsonTokenType.EndObject ? e : null;
    }

    public static HttpApiV2ProxyRequest? TryReadHttpApiEvent(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, s_options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        var e = new HttpApiV2ProxyRequest();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("headers"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.Headers = v);
            else if (reader.ValueTextEquals("requestContext"u8))
                ok = TryReadHttpApiContext(ref reader, out var v) && Set(e.RequestContext = v);
            else if (reader.ValueTextEquals("version"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Version = v);
            else if (reader.ValueTextEquals("routeKey"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.RouteKey = v);
            else if (reader.ValueTextEquals("rawPath"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.RawPath = v);
            else if (reader.ValueTextEquals("rawQueryString"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.RawQueryString = v);
            else if (reader.ValueTextEquals("cookies"u8))
                ok = TryReadList(ref reader, out var v) && Set(e.Cookies = v);
            else if (reader.ValueTextEquals("queryStringParameters"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.QueryStringParameters = v);
            else if (reader.ValueTextEquals("pathParameters"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.PathParameters = v);
            else if (reader.ValueTextEquals("stageVariables"u8))
                ok = TryReadMap(ref reader, out var v) && Set(e.StageVariables = v);
            else if (reader.ValueTextEquals("body"u8))
                ok = TryReadString(ref reader, out var v) && Set(e.Body = v);
            else if (reader.ValueTextEquals("isBase64Encoded"u8))
                ok = TryReadBool(ref reader, out var v) && Set(e.IsBase64Encoded = v);
            else
                ok = false;
            if (!ok)
                return null;
        }
        return reader.TokenType == JsonTokenType.EndObject ? e : null;
    }

    private static bool TryReadRestContext(ref Utf8JsonReader reader, out ProxyRequestContext? context)
    {
        context = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var c = new ProxyRequestContext();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("accountId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.AccountId = v);
            else if (reader.ValueTextEquals("resourceId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.ResourceId = v);
            else if (reader.ValueTextEquals("stage"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.Stage = v);
            else if (reader.ValueTextEquals("domainName"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.DomainName = v);
            else if (reader.ValueTextEquals("domainPrefix"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.DomainPrefix = v);
            else if (reader.ValueTextEquals("requestId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.RequestId = v);
            else if (reader.ValueTextEquals("extendedRequestId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.ExtendedRequestId = v);
            else if (reader.ValueTextEquals("protocol"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.Protocol = v);
            else if (reader.ValueTextEquals("identity"u8))
                ok = TryReadIdentity(ref reader, out var v) && Set(c.Identity = v);
            else if (reader.ValueTextEquals("resourcePath"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.ResourcePath = v);
            else if (reader.ValueTextEquals("path"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.Path = v);
            else if (reader.ValueTextEquals("httpMethod"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.HttpMethod = v);
            else if (reader.ValueTextEquals("requestTime"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.RequestTime = v);
            else if (reader.ValueTextEquals("requestTimeEpoch"u8))
                ok = TryReadLong(ref reader, out var v) && Set(c.RequestTimeEpoch = v);
            else if (reader.ValueTextEquals("apiId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.ApiId = v);
            else if (reader.ValueTextEquals("operationName"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.OperationName = v);
            else if (reader.ValueTextEquals("authorizer"u8))
                ok = TryReadObject(ref reader, out var v) && Set(c.Authorizer = v);
            else
                ok = false;
            if (!ok)
                return false;
        }
        context = c;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadIdentity(ref Utf8JsonReader reader, out RequestIdentity? identity)
    {
        identity = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var i = new RequestIdentity();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("sourceIp"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.SourceIp = v);
            else if (reader.ValueTextEquals("userAgent"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.UserAgent = v);
            else if (reader.ValueTextEquals("cognitoIdentityPoolId"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.CognitoIdentityPoolId = v);
            else if (reader.ValueTextEquals("accountId"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.AccountId = v);
            else if (reader.ValueTextEquals("cognitoIdentityId"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.CognitoIdentityId = v);
            else if (reader.ValueTextEquals("caller"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.Caller = v);
            else if (reader.ValueTextEquals("apiKey"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.ApiKey = v);
            else if (reader.ValueTextEquals("apiKeyId"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.ApiKeyId = v);
            else if (reader.ValueTextEquals("accessKey"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.AccessKey = v);
            else if (reader.ValueTextEquals("cognitoAuthenticationType"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.CognitoAuthenticationType = v);
            else if (reader.ValueTextEquals("cognitoAuthenticationProvider"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.CognitoAuthenticationProvider = v);
            else if (reader.ValueTextEquals("userArn"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.UserArn = v);
            else if (reader.ValueTextEquals("user"u8))
                ok = TryReadString(ref reader, out var v) && Set(i.User = v);
            else if (reader.ValueTextEquals("clientCert"u8))
                ok = TryReadObject(ref reader, out var v) && Set(i.ClientCert = v);
            else
                ok = false;
            if (!ok)
                return false;
        }
        identity = i;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadHttpApiContext(ref Utf8JsonReader reader, out HttpApiV2RequestContext? context)
    {
        context = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var c = new HttpApiV2RequestContext();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("http"u8))
                ok = TryReadHttp(ref reader, out var v) && Set(c.Http = v);
            else if (reader.ValueTextEquals("accountId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.AccountId = v);
            else if (reader.ValueTextEquals("apiId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.ApiId = v);
            else if (reader.ValueTextEquals("domainName"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.DomainName = v);
            else if (reader.ValueTextEquals("domainPrefix"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.DomainPrefix = v);
            else if (reader.ValueTextEquals("requestId"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.RequestId = v);
            else if (reader.ValueTextEquals("routeKey"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.RouteKey = v);
            else if (reader.ValueTextEquals("stage"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.Stage = v);
            else if (reader.ValueTextEquals("time"u8))
                ok = TryReadString(ref reader, out var v) && Set(c.Time = v);
            else if (reader.ValueTextEquals("timeEpoch"u8))
                ok = TryReadLong(ref reader, out var v) && Set(c.TimeEpoch = v);
            else if (reader.ValueTextEquals("authorizer"u8))
                ok = TryReadObject(ref reader, out var v) && Set(c.Authorizer = v);
            else if (reader.ValueTextEquals("authentication"u8))
                ok = TryReadObject(ref reader, out var v) && Set(c.Authentication = v);
            else
                ok = false;
            if (!ok)
                return false;
        }
        context = c;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadHttp(ref Utf8JsonReader reader, out HttpApiV2HttpDescription? http)
    {
        http = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var h = new HttpApiV2HttpDescription();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("method"u8))
                ok = TryReadString(ref reader, out var v) && Set(h.Method = v);
            else if (reader.ValueTextEquals("path"u8))
                ok = TryReadString(ref reader, out var v) && Set(h.Path = v);
            else if (reader.ValueTextEquals("protocol"u8))
                ok = TryReadString(ref reader, out var v) && Set(h.Protocol = v);
            else if (reader.ValueTextEquals("sourceIp"u8))
                ok = TryReadString(ref reader, out var v) && Set(h.SourceIp = v);
            else if (reader.ValueTextEquals("userAgent"u8))
                ok = TryReadString(ref reader, out var v) && Set(h.UserAgent = v);
            else
                ok = false;
            if (!ok)
                return false;
        }
        http = h;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.String)
            return false;
        value = reader.GetString();
        return true;
    }

    private static bool TryReadBool(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadLong(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
            return false;
        value = number;
        return true;
    }

    private static bool TryReadObject(ref Utf8JsonReader reader, out JsonObject? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        value = (JsonObject)JsonNode.Parse(ref reader)!;
        return true;
    }

    private static bool TryReadList(ref Utf8JsonReader reader, out List<string>? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            list.Add(reader.GetString()!);
        value = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadMap(ref Utf8JsonReader reader, out Dictionary<string, string>? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                return false;
            map[name] = reader.GetString()!;
        }
        value = map;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>
    /// A map of string lists. API Gateway lists the same names, in the same order, as the single-value map read before
    /// it (<paramref name="single"/>), and the last value of each list is that map's value: those strings are reused.
    /// </summary>
    private static bool TryReadMultiMap(ref Utf8JsonReader reader, Dictionary<string, string>? single, out Dictionary<string, List<string>>? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var map = new Dictionary<string, List<string>>(single?.Count ?? 4, StringComparer.Ordinal);
        var known = single?.GetEnumerator() ?? default;
        var hasKnown = single is not null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name;
            string? knownValue = null;
            if (hasKnown && known.MoveNext() && reader.ValueTextEquals(known.Current.Key))
            {
                name = known.Current.Key;
                knownValue = known.Current.Value;
            }
            else
            {
                hasKnown = false;
                name = reader.GetString()!;
            }
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;
            var list = new List<string>(1);
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
                list.Add(knownValue is not null && reader.ValueTextEquals(knownValue) ? knownValue : reader.GetString()!);
            if (reader.TokenType != JsonTokenType.EndArray)
                return false;
            map[name] = list;
        }
        value = map;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>Lets an assignment stand in a condition: <c>TryRead(out var v) &amp;&amp; Set(e.Member = v)</c>.</summary>
    private static bool Set<T>(T _) => true;
}
