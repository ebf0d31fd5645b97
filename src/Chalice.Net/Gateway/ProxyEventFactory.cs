using System.Globalization;
using System.Text;
using Chalice.Events;
using Chalice.Routing;

namespace Chalice.Gateway;

/// <summary>Builds the event API Gateway would send to the Lambda function for a request, per API type.</summary>
internal sealed class ProxyEventFactory(GatewayOptions options)
{
    // API Gateway does not forward hop-by-hop headers to the integration.
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    public ApiGatewayProxyRequest CreateRestEvent(GatewayRequest request, RouteMatch match, GatewayRequestIds ids)
    {
        var isRest = options.ApiType == ApiGatewayType.Rest;
        var (single, multi) = V1Headers(request, ids, dropContentLength: isRest);
        var (query, multiQuery) = V1Query(request.QueryString);
        var userAgent = request.Header("User-Agent");
        var path = DecodePath(request.Path);
        var routeKey = $"{request.Method} {match.Resource.Template}";
        var (body, isBase64) = EncodeBody(request, binary: isRest ? IsRestBinary(request.Header("Content-Type")) : IsHttpApiBinary(request.Header("Content-Type")));
        return new ApiGatewayProxyRequest
        {
            Version = isRest ? null : "1.0",
            Resource = match.Resource.Template,
            Path = path,
            HttpMethod = request.Method,
            Headers = single,
            MultiValueHeaders = multi,
            QueryStringParameters = query,
            MultiValueQueryStringParameters = multiQuery,
            PathParameters = match.PathParameters.Count == 0 ? null : new Dictionary<string, string>(match.PathParameters),
            StageVariables = StageVariables(),
            RequestContext = new ProxyRequestContext
            {
                AccountId = options.AccountId,
                ApiId = options.ApiId,
                ResourceId = isRest ? ResourceId(match.Resource.Template) : routeKey,
                Stage = options.EffectiveStage,
                RequestId = ids.RequestId,
                ExtendedRequestId = ids.ExtendedRequestId,
                Path = isRest ? $"/{options.EffectiveStage}{path}" : path,
                ResourcePath = match.Resource.Template,
                HttpMethod = request.Method,
                Protocol = request.Protocol,
                RequestTime = ClfTime(ids.Time),
                RequestTimeEpoch = ids.Time.ToUnixTimeMilliseconds(),
                DomainName = DomainName(request),
                DomainPrefix = DomainPrefix(request),
                Identity = new RequestIdentity
                {
                    SourceIp = request.SourceIp,
                    UserAgent = userAgent ?? (isRest ? null : ""),
                },
            },
            Body = body,
            IsBase64Encoded = isBase64,
        };
    }

    public HttpApiV2ProxyRequest CreateHttpApiEvent(GatewayRequest request, RouteMatch match, GatewayRequestIds ids)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? cookies = null;
        foreach (var (name, value) in request.Headers)
        {
            if (s_hopByHop.Contains(name))
                continue;
            var lower = name.ToLowerInvariant();
            if (lower == "cookie")
            {
                (cookies ??= []).AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }
            headers[lower] = headers.TryGetValue(lower, out var existing) ? existing + "," + value : value;
        }
        AddForwardingHeaders(headers, request, ids, lowerCase: true);

        Dictionary<string, string>? query = null;
        if (request.QueryString.Length > 0)
        {
            foreach (var (name, values) in QueryString.Parse(request.QueryString))
                (query ??= new(StringComparer.Ordinal))[name] = string.Join(",", values);
        }

        var routeKey = $"{request.Method} {match.Resource.Template}";
        var (body, isBase64) = EncodeBody(request, IsHttpApiBinary(request.Header("Content-Type")));
        return new HttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = routeKey,
            RawPath = request.Path,
            RawQueryString = request.QueryString,
            Cookies = cookies,
            Headers = headers,
            QueryStringParameters = query,
            PathParameters = match.PathParameters.Count == 0 ? null : new Dictionary<string, string>(match.PathParameters),
            StageVariables = StageVariables(),
            RequestContext = new HttpApiV2RequestContext
            {
                AccountId = options.AccountId,
                ApiId = options.ApiId,
                DomainName = DomainName(request),
                DomainPrefix = DomainPrefix(request),
                Http = new HttpApiV2HttpDescription
                {
                    Method = request.Method,
                    Path = DecodePath(request.Path),
                    Protocol = request.Protocol,
                    SourceIp = request.SourceIp,
                    UserAgent = request.Header("User-Agent") ?? "",
                },
                RequestId = ids.RequestId,
                RouteKey = routeKey,
                Stage = options.EffectiveStage,
                Time = ClfTime(ids.Time),
                TimeEpoch = ids.Time.ToUnixTimeMilliseconds(),
            },
            Body = body,
            IsBase64Encoded = isBase64,
        };
    }

    /// <summary>REST APIs pass a body as base64 when its content type is one of the API's binary media types.</summary>
    public bool IsRestBinary(string? contentType) =>
        contentType is not null && Chalice.Hosting.MediaTypes.Matches(contentType, options.BinaryMediaTypes);

    /// <summary>HTTP APIs pass every body that is not text (JSON, XML, JavaScript, text/*) as base64.</summary>
    private static bool IsHttpApiBinary(string? contentType)
    {
        if (contentType is null)
            return true;
        var type = Chalice.Hosting.MediaTypes.Essence(contentType);
        return !(type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
                 || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase));
    }

    private static (string? Body, bool IsBase64) EncodeBody(GatewayRequest request, bool binary)
    {
        if (request.Body.IsEmpty)
            return (null, false);
        return binary
            ? (Convert.ToBase64String(request.Body.Span), true)
            : (Encoding.UTF8.GetString(request.Body.Span), false);
    }

    private (Dictionary<string, string>, Dictionary<string, List<string>>) V1Headers(GatewayRequest request, GatewayRequestIds ids, bool dropContentLength)
    {
        var single = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            if (s_hopByHop.Contains(name) || (dropContentLength && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                continue;
            single[name] = value;
            if (!multi.TryGetValue(name, out var values))
                multi[name] = values = [];
            values.Add(value);
        }
        var added = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddForwardingHeaders(added, request, ids, lowerCase: false);
        foreach (var (name, value) in added)
        {
            single[name] = value;
            multi[name] = [value];
        }
        // The event's maps are case-sensitive JSON objects; keep the first spelling of each name.
        return (new Dictionary<string, string>(single, StringComparer.Ordinal), new Dictionary<string, List<string>>(multi, StringComparer.Ordinal));
    }

    private static void AddForwardingHeaders(Dictionary<string, string> headers, GatewayRequest request, GatewayRequestIds ids, bool lowerCase)
    {
        string Name(string name) => lowerCase ? name.ToLowerInvariant() : name;
        headers[Name("X-Amzn-Trace-Id")] = ids.TraceId;
        headers[Name("X-Forwarded-For")] = request.SourceIp;
        headers[Name("X-Forwarded-Port")] = "443";
        headers[Name("X-Forwarded-Proto")] = "https";
    }

    private static (Dictionary<string, string>?, Dictionary<string, List<string>>?) V1Query(string queryString)
    {
        if (queryString.Length == 0)
            return (null, null);
        var multi = QueryString.Parse(queryString);
        if (multi.Count == 0)
            return (null, null);
        return (multi.ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal), multi);
    }

    private Dictionary<string, string>? StageVariables() =>
        options.StageVariables is { Count: > 0 } variables ? new Dictionary<string, string>(variables) : null;

    private static string DecodePath(string path) => path.Contains('%') ? Uri.UnescapeDataString(path) : path;

    private static string DomainName(GatewayRequest request) => request.Header("Host") is { } host ? host.Split(':')[0] : "localhost";

    private static string DomainPrefix(GatewayRequest request) => DomainName(request).Split('.')[0];

    private static string ClfTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    /// <summary>A stable, REST-style resource id (6 lowercase alphanumerics) for a template.</summary>
    private static string ResourceId(string template)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var hash = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in template)
            hash = (hash ^ c) * 1099511628211UL;
        var id = new char[6];
        for (var i = 0; i < id.Length; i++, hash /= (ulong)alphabet.Length)
            id[i] = alphabet[(int)(hash % (ulong)alphabet.Length)];
        return new string(id);
    }
}
