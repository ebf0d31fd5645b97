using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Hosting;
using Chalice.Lambda;

namespace Chalice;

/// <summary>
/// The request a handler is serving (Chalice's <c>app.current_request</c>), read from the API Gateway proxy event.
/// Handlers reach it through the generated <c>CurrentRequest</c> property or a <see cref="Request"/> parameter;
/// each request in flight has its own.
/// </summary>
public sealed class Request
{
    private static readonly AsyncLocal<Request?> s_current = new();

    private byte[]? _rawBody;
    private JsonNode? _jsonBody;
    private bool _jsonParsed;
    private MultiValueCollection? _query;
    private RequestContext? _context;

    /// <summary>A request read from a REST API (payload 1.0) event.</summary>
    public Request(ApiGatewayProxyRequest restEvent, ILambdaContext? lambdaContext = null)
    {
        RestEvent = restEvent;
        LambdaContext = lambdaContext;
        Method = restEvent.HttpMethod ?? restEvent.RequestContext?.HttpMethod ?? "GET";
        Path = restEvent.Resource ?? restEvent.RequestContext?.ResourcePath ?? restEvent.Path ?? "/";
        RawPath = restEvent.Path ?? "/";
        Headers = new MultiValueCollection(restEvent.Headers, restEvent.MultiValueHeaders, ignoreCase: true);
        UriParams = restEvent.PathParameters ?? s_empty;
        StageVariables = restEvent.StageVariables ?? s_empty;
        BodyText = restEvent.Body;
        IsBase64Encoded = restEvent.IsBase64Encoded == true;
    }

    /// <summary>A request read from an HTTP API (payload 2.0) event.</summary>
    public Request(HttpApiV2ProxyRequest httpEvent, ILambdaContext? lambdaContext = null)
    {
        HttpApiEvent = httpEvent;
        LambdaContext = lambdaContext;
        Method = httpEvent.RequestContext?.Http?.Method ?? "GET";
        RawPath = httpEvent.RawPath ?? httpEvent.RequestContext?.Http?.Path ?? "/";
        Path = RouteKeyPath(httpEvent.RouteKey) ?? RawPath;
        Headers = new MultiValueCollection(WithCookieHeader(httpEvent), null, ignoreCase: true);
        UriParams = httpEvent.PathParameters ?? s_empty;
        StageVariables = httpEvent.StageVariables ?? s_empty;
        BodyText = httpEvent.Body;
        IsBase64Encoded = httpEvent.IsBase64Encoded == true;
    }

    /// <summary>A copy of <paramref name="source"/> with other headers: what <see cref="WithHeader"/> makes.</summary>
    private Request(Request source, MultiValueCollection headers)
    {
        RestEvent = source.RestEvent;
        HttpApiEvent = source.HttpApiEvent;
        LambdaContext = source.LambdaContext;
        Method = source.Method;
        Path = source.Path;
        RawPath = source.RawPath;
        Headers = headers;
        UriParams = source.UriParams;
        StageVariables = source.StageVariables;
        BodyText = source.BodyText;
        IsBase64Encoded = source.IsBase64Encoded;
        _query = source._query;
    }

    private static readonly Dictionary<string, string> s_empty = [];

    /// <summary>
    /// A copy of this request whose header <paramref name="name"/> is <paramref name="value"/> (any values it had are
    /// replaced), for middleware that passes a changed request on; this request stays as it is. The raw event
    /// (<see cref="RestEvent"/>, <see cref="HttpApiEvent"/>) is the one API Gateway sent.
    /// </summary>
    public Request WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in Headers.Names)
            headers[header] = [.. Headers.GetList(header)];
        headers[name] = [value];
        return new Request(this, new MultiValueCollection(null, headers, ignoreCase: true));
    }

    /// <summary>The request being served on this logical call chain.</summary>
    /// <exception cref="InvalidOperationException">No request is being served.</exception>
    public static Request Current =>
        s_current.Value ?? throw new InvalidOperationException(
            "CurrentRequest is only available while a route handler is serving a request.");

    internal static Request? CurrentOrNull => s_current.Value;

    internal static void SetCurrent(Request? request) => s_current.Value = request;

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The route template that matched, e.g. <c>/objects/{key}</c> (Chalice's <c>request.path</c>).</summary>
    public string Path { get; private set; }

    /// <summary>The path the client requested, without the stage, e.g. <c>/objects/a.json</c>.</summary>
    public string RawPath { get; }

    /// <summary>Headers, matched case-insensitively.</summary>
    public MultiValueCollection Headers { get; }

    /// <summary>Query string parameters; <see cref="MultiValueCollection.GetList"/> gives repeated values.</summary>
    public MultiValueCollection QueryParams => _query ??= CreateQuery();

    /// <summary>The values of the template's <c>{params}</c>, by name.</summary>
    public IReadOnlyDictionary<string, string> UriParams { get; private set; }

    /// <summary>The API Gateway stage variables.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; }

    /// <summary>The Lambda context, when running on Lambda (or a test supplied one).</summary>
    public ILambdaContext? LambdaContext { get; }

    /// <summary>The request context: ids, stage, caller identity, authorizer output.</summary>
    public RequestContext Context => _context ??= RestEvent is not null
        ? RequestContext.From(RestEvent)
        : RequestContext.From(HttpApiEvent!);

    /// <summary>The REST API event this request came from, or null for an HTTP API event.</summary>
    public ApiGatewayProxyRequest? RestEvent { get; }

    /// <summary>The HTTP API payload 2.0 event this request came from, or null for a REST API event.</summary>
    public HttpApiV2ProxyRequest? HttpApiEvent { get; }

    /// <summary>The <c>Content-Type</c> header, if any.</summary>
    public string? ContentType => Headers.Get("Content-Type");

    /// <summary>The body bytes (decoded from base64 when API Gateway sent a binary body).</summary>
    public byte[] RawBody => _rawBody ??= DecodeBody();

    /// <summary>The body as UTF-8 text.</summary>
    public string RawBodyText => IsBase64Encoded ? Encoding.UTF8.GetString(RawBody) : BodyText ?? "";

    /// <summary>Whether the request has a non-empty body.</summary>
    public bool HasBody => !string.IsNullOrEmpty(BodyText);

    /// <summary>
    /// The body parsed as JSON when the content type is JSON (<c>application/json</c> or <c>+json</c>), else null,
    /// as in Chalice. An empty body is null.
    /// </summary>
    /// <exception cref="BadRequestError">The body is not valid JSON.</exception>
    public JsonNode? JsonBody
    {
        get
        {
            if (!_jsonParsed)
            {
                _jsonBody = IsJsonContentType(ContentType) && HasBody ? ParseJson(RawBody) : null;
                _jsonParsed = true;
            }
            return _jsonBody;
        }
    }

    internal string? BodyText { get; }

    /// <summary>Records the route the app matched itself, for events from a catch-all integration.</summary>
    internal void SetRoute(string template, IReadOnlyDictionary<string, string> uriParams)
    {
        Path = template;
        UriParams = uriParams;
    }

    internal bool IsBase64Encoded { get; }

    private static bool IsJsonContentType(string? contentType)
    {
        if (contentType is null)
            return false;
        var mediaType = MediaTypes.Essence(contentType);
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static JsonNode? ParseJson(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new BadRequestError("Error Parsing JSON");
        }
    }

    private byte[] DecodeBody()
    {
        if (string.IsNullOrEmpty(BodyText))
            return [];
        if (!IsBase64Encoded)
            return Encoding.UTF8.GetBytes(BodyText);
        try
        {
            return Convert.FromBase64String(BodyText);
        }
        catch (FormatException)
        {
            throw new BadRequestError("The request body is marked base64 but is not valid base64.");
        }
    }

    private MultiValueCollection CreateQuery()
    {
        if (RestEvent is not null)
            return new MultiValueCollection(
                RestEvent.QueryStringParameters, RestEvent.MultiValueQueryStringParameters, ignoreCase: false);

        // Payload 2.0 joins repeated values with commas; the raw query string keeps them apart.
        var raw = HttpApiEvent!.RawQueryString;
        return new MultiValueCollection(
            HttpApiEvent.QueryStringParameters,
            string.IsNullOrEmpty(raw) ? null : QueryString.Parse(raw),
            ignoreCase: false);
    }

    internal static string? RouteKeyPath(string? routeKey)
    {
        // "GET /objects/{key}" → "/objects/{key}"; "$default" has no template.
        if (routeKey is null)
            return null;
        var space = routeKey.IndexOf(' ');
        return space >= 0 ? routeKey[(space + 1)..] : null;
    }

    private static Dictionary<string, string>? WithCookieHeader(HttpApiV2ProxyRequest e)
    {
        // Payload 2.0 moves cookies out of the headers; handlers reading Headers["Cookie"] still expect them.
        if (e.Cookies is not { Count: > 0 } || e.Headers?.ContainsKey("cookie") == true)
            return e.Headers;
        return new Dictionary<string, string>(e.Headers ?? s_empty) { ["cookie"] = string.Join("; ", e.Cookies) };
    }
}
