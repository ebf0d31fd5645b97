using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Hosting;
using Chalice.Routing;

namespace Chalice.Gateway;

/// <summary>
/// Writes the event API Gateway would send to the Lambda function for a request, per API type, straight to JSON: the
/// emulator does this for every request, so it builds no intermediate objects.
/// </summary>
internal sealed class ProxyEventWriter(GatewayOptions options)
{
    // API Gateway does not forward hop-by-hop headers to the integration.
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    // Set by the gateway itself; a client's own values are replaced.
    private static readonly string[] s_forwarding = ["X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto"];

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// A REST API event, or an HTTP API payload 1.0 event (which adds <c>version</c>, keeps Content-Length and reports
    /// the decoded path in <c>requestContext.path</c>; both keep the client's escapes in <c>path</c>). An authorizer adds
    /// <paramref name="authorizer"/> as <c>requestContext.authorizer</c>, and <paramref name="identity"/>'s members to
    /// <c>requestContext.identity</c> (who signed an IAM request).
    /// </summary>
    public byte[] WriteRestEvent(
        GatewayRequest request, GatewayPath path, RouteMatch match, GatewayRequestIds ids, JsonObject? authorizer = null, JsonObject? identity = null)
    {
        var isRest = options.ApiType == ApiGatewayType.Rest;
        var json = Begin();
        json.WriteStartObject();
        if (!isRest)
            json.WriteString("version", "1.0");
        json.WriteString("resource", match.Resource.Template);
        json.WriteString("path", path.Sent);
        json.WriteString("httpMethod", request.Method);

        var headers = GroupHeaders(request, dropContentLength: isRest);
        json.WriteStartObject("headers");
        foreach (var (name, values) in headers)
            json.WriteString(name, values[^1]);
        WriteForwardingHeaders(json, request, ids, lowerCase: false);
        json.WriteEndObject();
        json.WriteStartObject("multiValueHeaders");
        foreach (var (name, values) in headers)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }
        foreach (var name in s_forwarding)
        {
            json.WriteStartArray(name);
            json.WriteStringValue(ForwardingValue(name, request, ids));
            json.WriteEndArray();
        }
        json.WriteEndObject();

        var query = request.QueryString.Length == 0 ? null : QueryString.Parse(request.QueryString);
        if (query is { Count: > 0 })
        {
            json.WriteStartObject("queryStringParameters");
            foreach (var (name, values) in query)
                json.WriteString(name, values[^1]);
            json.WriteEndObject();
            json.WriteStartObject("multiValueQueryStringParameters");
            foreach (var (name, values) in query)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                    json.WriteStringValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        WritePathParameters(json, match);
        WriteStageVariables(json);

        json.WriteStartObject("requestContext");
        json.WriteString("accountId", options.AccountId);
        json.WriteString("resourceId", isRest ? match.Resource.ResourceId : $"{request.Method} {match.Resource.Template}");
        json.WriteString("stage", options.EffectiveStage);
        var domain = DomainName(request);
        json.WriteString("domainName", domain);
        json.WriteString("domainPrefix", DomainPrefix(domain));
        json.WriteString("requestId", ids.RequestId);
        json.WriteString("extendedRequestId", ids.ExtendedRequestId);
        json.WriteString("protocol", request.Protocol);
        json.WriteStartObject("identity");
        foreach (var (name, value) in identity ?? [])
        {
            json.WritePropertyName(name);
            if (value is null)
                json.WriteNullValue();
            else
                value.WriteTo(json);
        }
        json.WriteString("sourceIp", request.SourceIp);
        if (request.Header("User-Agent") is { } userAgent)
            json.WriteString("userAgent", userAgent);
        else if (!isRest)
            json.WriteString("userAgent", "");
        json.WriteEndObject();
        json.WriteString("resourcePath", match.Resource.Template);
        json.WriteString("path", isRest ? $"/{options.EffectiveStage}{path.Sent}" : path.Routed);
        json.WriteString("httpMethod", request.Method);
        json.WriteString("requestTime", ClfTime(ids.Time));
        json.WriteNumber("requestTimeEpoch", ids.Time.ToUnixTimeMilliseconds());
        json.WriteString("apiId", options.ApiId);
        WriteAuthorizer(json, authorizer);
        json.WriteEndObject();

        WriteBody(json, request, binary: isRest ? IsRestBinary(request.Header("Content-Type")) : IsHttpApiBinary(request.Header("Content-Type")));
        json.WriteEndObject();
        return End(json);
    }

    /// <summary>An HTTP API payload 2.0 event; its <c>rawPath</c>, despite the name, is the decoded path.</summary>
    public byte[] WriteHttpApiEvent(GatewayRequest request, GatewayPath path, RouteMatch match, GatewayRequestIds ids, JsonObject? authorizer = null)
    {
        var routeKey = $"{request.Method} {match.Resource.Template}";
        var json = Begin();
        json.WriteStartObject();
        json.WriteString("version", "2.0");
        json.WriteString("routeKey", routeKey);
        json.WriteString("rawPath", path.Routed);
        json.WriteString("rawQueryString", request.QueryString);

        // Payload 2.0 lower-cases header names, joins repeats with commas and moves cookies out of the headers.
        var headers = GroupHeaders(request, dropContentLength: false);
        var cookies = headers.FirstOrDefault(h => h.Name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)).Values;
        if (cookies is not null)
        {
            json.WriteStartArray("cookies");
            foreach (var line in cookies)
            {
                foreach (var cookie in line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    json.WriteStringValue(cookie);
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("headers");
        foreach (var (name, values) in headers)
        {
            if (!ReferenceEquals(values, cookies))
                json.WriteString(name.ToLowerInvariant(), values.Count == 1 ? values[0] : string.Join(",", values));
        }
        WriteForwardingHeaders(json, request, ids, lowerCase: true);
        json.WriteEndObject();

        var query = request.QueryString.Length == 0 ? null : QueryString.Parse(request.QueryString);
        if (query is { Count: > 0 })
        {
            json.WriteStartObject("queryStringParameters");
            foreach (var (name, values) in query)
                json.WriteString(name, values.Count == 1 ? values[0] : string.Join(",", values));
            json.WriteEndObject();
        }
        WritePathParameters(json, match);
        WriteStageVariables(json);

        json.WriteStartObject("requestContext");
        json.WriteString("accountId", options.AccountId);
        json.WriteString("apiId", options.ApiId);
        var domain = DomainName(request);
        json.WriteString("domainName", domain);
        json.WriteString("domainPrefix", DomainPrefix(domain));
        json.WriteStartObject("http");
        json.WriteString("method", request.Method);
        json.WriteString("path", path.Routed);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("sourceIp", request.SourceIp);
        json.WriteString("userAgent", request.Header("User-Agent") ?? "");
        json.WriteEndObject();
        json.WriteString("requestId", ids.RequestId);
        json.WriteString("routeKey", routeKey);
        json.WriteString("stage", options.EffectiveStage);
        json.WriteString("time", ClfTime(ids.Time));
        json.WriteNumber("timeEpoch", ids.Time.ToUnixTimeMilliseconds());
        WriteAuthorizer(json, authorizer);
        json.WriteEndObject();

        WriteBody(json, request, IsHttpApiBinary(request.Header("Content-Type")));
        json.WriteEndObject();
        return End(json);
    }

    /// <summary>What the route's authorizer passes on to the handler, <c>requestContext.authorizer</c>.</summary>
    private static void WriteAuthorizer(Utf8JsonWriter json, JsonObject? authorizer)
    {
        if (authorizer is null)
            return;
        json.WritePropertyName("authorizer");
        authorizer.WriteTo(json);
    }

    /// <summary>REST APIs pass a body as base64 when its content type is one of the API's binary media types.</summary>
    public bool IsRestBinary(string? contentType) =>
        contentType is not null && MediaTypes.Matches(contentType, options.EffectiveBinaryMediaTypes);

    /// <summary>HTTP APIs pass every body that is not text (JSON, XML, JavaScript, text/*) as base64.</summary>
    private static bool IsHttpApiBinary(string? contentType)
    {
        if (contentType is null)
            return true;
        var type = MediaTypes.Essence(contentType);
        return !(type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
                 || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
                 || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The client's headers by name (case-insensitive, first spelling kept, in order of first appearance), without
    /// hop-by-hop headers and those the gateway sets itself.
    /// </summary>
    private static List<(string Name, List<string> Values)> GroupHeaders(GatewayRequest request, bool dropContentLength)
    {
        var groups = new List<(string Name, List<string> Values)>(request.Headers.Count);
        foreach (var (name, value) in request.Headers)
        {
            if (s_hopByHop.Contains(name) || IsForwarding(name)
                || (dropContentLength && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                continue;
            var index = groups.FindIndex(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                groups[index].Values.Add(value);
            else
                groups.Add((name, [value]));
        }
        return groups;
    }

    private static bool IsForwarding(string name)
    {
        foreach (var forwarding in s_forwarding)
        {
            if (forwarding.Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static void WriteForwardingHeaders(Utf8JsonWriter json, GatewayRequest request, GatewayRequestIds ids, bool lowerCase)
    {
        foreach (var name in s_forwarding)
            json.WriteString(lowerCase ? name.ToLowerInvariant() : name, ForwardingValue(name, request, ids));
    }

    private static string ForwardingValue(string name, GatewayRequest request, GatewayRequestIds ids) => name switch
    {
        "X-Amzn-Trace-Id" => ids.TraceId,
        "X-Forwarded-For" => request.SourceIp,
        "X-Forwarded-Port" => "443",
        _ => "https",
    };

    private static void WritePathParameters(Utf8JsonWriter json, RouteMatch match)
    {
        if (match.PathParameters.Count == 0)
            return;
        json.WriteStartObject("pathParameters");
        foreach (var (name, value) in match.PathParameters)
            json.WriteString(name, value);
        json.WriteEndObject();
    }

    private void WriteStageVariables(Utf8JsonWriter json)
    {
        if (options.StageVariables is not { Count: > 0 } variables)
            return;
        json.WriteStartObject("stageVariables");
        foreach (var (name, value) in variables)
            json.WriteString(name, value);
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, GatewayRequest request, bool binary)
    {
        if (request.Body.IsEmpty)
        {
            json.WriteNull("body");
            json.WriteBoolean("isBase64Encoded", false);
            return;
        }
        if (binary)
            json.WriteBase64String("body", request.Body.Span);
        else
            json.WriteString("body", Encoding.UTF8.GetString(request.Body.Span)); // invalid UTF-8 becomes U+FFFD, as at AWS
        json.WriteBoolean("isBase64Encoded", binary);
    }

    private static string DomainName(GatewayRequest request)
    {
        if (request.Header("Host") is not { } host)
            return "localhost";
        var colon = host.IndexOf(':');
        return colon >= 0 ? host[..colon] : host;
    }

    private static string DomainPrefix(string domain)
    {
        var dot = domain.IndexOf('.');
        return dot >= 0 ? domain[..dot] : domain;
    }

    /// <summary>A second and its text, swapped as one reference so concurrent requests never see half an update.</summary>
    private sealed record FormattedSecond(long Second, string Text);

    private static FormattedSecond? s_lastTime;

    /// <summary>The request time in CLF format; formatted once per second, as most requests share it.</summary>
    private static string ClfTime(DateTimeOffset time)
    {
        var second = time.ToUnixTimeSeconds();
        if (s_lastTime is { } cached && cached.Second == second)
            return cached.Text;
        var text = time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
        s_lastTime = new FormattedSecond(second, text);
        return text;
    }

    private static Utf8JsonWriter Begin()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, s_writerOptions);
        writer.Reset(buffer);
        return writer;
    }

    private static byte[] End(Utf8JsonWriter json)
    {
        json.Flush();
        return t_buffer!.WrittenSpan.ToArray();
    }
}
