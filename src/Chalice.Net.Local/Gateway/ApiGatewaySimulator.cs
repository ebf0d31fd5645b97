using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Gateway.Authorization;
using Chalice.Routing;

namespace Chalice.Gateway;

/// <summary>Invokes the Lambda function with an event's JSON and returns the function's JSON response.</summary>
public delegate ValueTask<byte[]> LambdaInvoker(ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken);

/// <summary>
/// API Gateway in front of a Lambda proxy integration, in memory: routes a request (403/404 for a path or method the
/// API does not define, CORS preflight, payload limits), builds the event the real gateway would send, invokes the
/// function through the event's JSON, and renders the function's response with the gateway's rules (502/500 for
/// failures, 504/503 for timeouts). The local emulator and the test client both stand on it.
/// </summary>
public sealed class ApiGatewaySimulator
{
    private readonly RouteTable _routes;
    private readonly ProxyEventWriter _events;
    private readonly ProxyResponseRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly GatewayAuthorizers _authorizers;

    /// <summary>The header a caller sends its API key in (a REST API's default <c>HEADER</c> key source).</summary>
    private const string ApiKeyHeader = "x-api-key";
    // An HTTP API's one CORS configuration (HttpApiCorsConfiguration), made from the routes on first use: an app
    // whose routes have different CORS settings cannot be an HTTP API, which a CORS request then reports.
    private readonly Lazy<HttpApiCorsConfiguration?> _httpApiCors;

    /// <summary>
    /// Creates a simulator for an app's routes, with no authorizer it can run: a route that names one denies every
    /// request (403) unless <see cref="GatewayOptions.AllowUnavailableAuthorizers"/>. The test client and the emulator
    /// run the app's own authorizers.
    /// </summary>
    public ApiGatewaySimulator(RouteTable routes, GatewayOptions? options = null, TimeProvider? time = null)
        : this(routes, options, time, authorizers: null)
    {
    }

    /// <summary>Creates a simulator that runs <paramref name="authorizers"/> in front of the routes that name them.</summary>
    internal ApiGatewaySimulator(RouteTable routes, GatewayOptions? options, TimeProvider? time, LocalAuthorizerFunctions? authorizers)
    {
        _routes = routes;
        Options = options ?? new GatewayOptions();
        _events = new ProxyEventWriter(Options);
        _renderer = new ProxyResponseRenderer(Options);
        _time = time ?? TimeProvider.System;
        _authorizers = new GatewayAuthorizers(routes, Options, _time, authorizers);
        _httpApiCors = new Lazy<HttpApiCorsConfiguration?>(() => HttpApiCorsConfiguration.For(
            routes.Resources.SelectMany(r => r.Methods.Select(m => (r.Template, (IReadOnlyList<string>)[m], r.Find(m)!.Cors)))));
    }

    /// <summary>The gateway's configuration.</summary>
    public GatewayOptions Options { get; }

    /// <summary>Serves one request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="invoke">The function behind the gateway.</param>
    /// <param name="onFunctionError">Told when the function fails (the client only sees the gateway's error).</param>
    /// <param name="cancellationToken">Signalled when the client goes away.</param>
    public async ValueTask<GatewayResponse> HandleAsync(
        GatewayRequest request, LambdaInvoker invoke, Action<Exception>? onFunctionError = null, CancellationToken cancellationToken = default)
    {
        request = WithoutDotSegments(request);
        var ids = NewIds();
        var type = Options.ApiType;
        if (request.Body.Length > Options.MaxRequestBytes)
            return GatewayErrors.RequestTooLarge(type, ids);
        if (GatewayPath.Read(request.Path, type) is not { } path)
            return GatewayErrors.UndecodablePath(type, ids);
        HttpApiCorsConfiguration? httpApiCors = null;
        if (type != ApiGatewayType.Rest)
        {
            try
            {
                httpApiCors = _httpApiCors.Value;
            }
            catch (InvalidDataException e) when (request.Header("Origin") is not null)
            {
                onFunctionError?.Invoke(e);
                return GatewayErrors.MalformedResponse(type, ids);
            }
            catch (InvalidDataException)
            {
                // Not a CORS request: served as the routes say.
            }
            // An HTTP API with CORS answers a preflight itself, before routing, for any path.
            if (httpApiCors is not null && IsPreflight(request))
                return HttpApiPreflight(httpApiCors, request, ids);
        }
        if (_routes.Match(path.Routed) is not { } match)
            return GatewayErrors.UnknownRoute(type, ids);
        if (match.Resource.Find(request.Method) is not { } route)
        {
            // The deployed API defines only the methods the app's routes serve (plus a REST API's CORS preflight), so
            // API Gateway answers any other method itself, exactly as it answers an unknown path.
            return type == ApiGatewayType.Rest && request.Method == CorsConfig.PreflightMethod && match.Resource.PreflightHeaders is { } preflight
                ? Preflight(preflight, ids)
                : GatewayErrors.UnknownRoute(type, ids);
        }

        JsonObject? authorizer = null;
        JsonObject? identity = null;
        if (route.Authorizer is not null)
        {
            var outcome = await _authorizers.AuthorizeAsync(
                route, request, MethodArn(request.Method, path), () => CreateEventJson(request, path, match, ids, authorizer: null), onFunctionError,
                cancellationToken).ConfigureAwait(false);
            switch (outcome.Verdict)
            {
                case AuthorizationVerdict.Unauthorized:
                    return GatewayErrors.Unauthorized(type, ids);
                case AuthorizationVerdict.ImplicitDeny or AuthorizationVerdict.ExplicitDeny:
                    return GatewayErrors.AccessDenied(type, ids, explicitDeny: outcome.Verdict == AuthorizationVerdict.ExplicitDeny);
                case AuthorizationVerdict.Failed:
                    return GatewayErrors.AuthorizerFailure(type, ids);
                case AuthorizationVerdict.InvalidToken:
                    return GatewayErrors.InvalidToken(type, ids, outcome.Problem!.Value, outcome.Algorithm);
                case AuthorizationVerdict.SignatureRefused:
                    return GatewayErrors.SignatureRefused(type, ids, outcome.Refusal!);
            }
            authorizer = outcome.Context;
            identity = outcome.Identity;
        }

        // After the authorizer, as API Gateway checks a key (an authorizer may be what supplies it:
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html).
        if (route.ApiKeyRequired && (request.Header(ApiKeyHeader) is not { Length: > 0 } key || !Options.ApiKeys.Contains(key, StringComparer.Ordinal)))
            return GatewayErrors.InvalidApiKey(type, ids);

        var eventJson = CreateEventJson(request, path, match, ids, authorizer, identity);
        if (eventJson.Length > Options.MaxLambdaPayloadBytes)
            return GatewayErrors.RequestTooLarge(type, ids);

        byte[] payload;
        try
        {
            // Like Lambda, the function is not stopped when the gateway stops waiting for it. Most invocations complete
            // synchronously, and then no timer is needed at all.
            var invocation = invoke(eventJson, cancellationToken);
            payload = invocation.IsCompletedSuccessfully
                ? invocation.Result
                : await invocation.AsTask().WaitAsync(Options.IntegrationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return GatewayErrors.Timeout(type, ids);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The function failed (an /error invocation on Lambda): the gateway answers for it.
            onFunctionError?.Invoke(exception);
            return GatewayErrors.MalformedResponse(type, ids);
        }
        if (payload.Length > Options.MaxLambdaPayloadBytes)
            return GatewayErrors.MalformedResponse(type, ids);
        var response = _renderer.Render(payload, request, ids);
        return httpApiCors is null ? response : WithHttpApiCors(response, httpApiCors, request);
    }

    /// <summary>A browser's preflight: <c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    private static bool IsPreflight(GatewayRequest request) =>
        request.Method == CorsConfig.PreflightMethod && request.Header("Origin") is not null && request.Header("Access-Control-Request-Method") is not null;

    /// <summary>
    /// An HTTP API's own answer to a preflight: 204 with no body, with the configuration's headers when the origin is
    /// allowed and none when it is not (AWS's http-api-cors.html; the 204 as AWS-parity suites record it:
    /// https://github.com/floci-io/floci/pull/1955).
    /// </summary>
    private GatewayResponse HttpApiPreflight(HttpApiCorsConfiguration cors, GatewayRequest request, GatewayRequestIds ids)
    {
        var headers = cors.AllowedOrigin(request.Header("Origin")) is { } origin ? cors.PreflightHeaders(origin).ToList() : [];
        GatewayErrors.AddGatewayHeaders(headers, Options.ApiType, ids, includeTrace: false);
        return new GatewayResponse(204, headers, []);
    }

    /// <summary>
    /// An HTTP API's response with CORS configured: the function's own <c>Access-Control-*</c> headers are ignored, and
    /// the configuration's are added for an allowed <c>Origin</c>.
    /// </summary>
    private static GatewayResponse WithHttpApiCors(GatewayResponse response, HttpApiCorsConfiguration cors, GatewayRequest request)
    {
        var headers = response.Headers.Where(h => !h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToList();
        if (cors.AllowedOrigin(request.Header("Origin")) is { } origin)
            headers.AddRange(cors.ResponseHeaders(origin));
        return response with { Headers = headers };
    }

    /// <summary>
    /// The event API Gateway would send for <paramref name="request"/>, as JSON, whatever its method; null for a path
    /// the gateway routes nowhere.
    /// </summary>
    public byte[]? CreateEventJson(GatewayRequest request)
    {
        request = WithoutDotSegments(request);
        return GatewayPath.Read(request.Path, Options.ApiType) is { } path && _routes.Match(path.Routed) is { } match
            ? CreateEventJson(request, path, match, NewIds())
            : null;
    }

    private byte[] CreateEventJson(
        GatewayRequest request, GatewayPath path, RouteMatch match, GatewayRequestIds ids, JsonObject? authorizer = null, JsonObject? identity = null)
    {
        return Options.ApiType == ApiGatewayType.HttpPayloadV2
            ? _events.WriteHttpApiEvent(request, path, match, ids, authorizer)
            : _events.WriteRestEvent(request, path, match, ids, authorizer, identity);
    }

    /// <summary>
    /// The ARN of the method called, which an authorizer's policy is evaluated against:
    /// <c>arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH</c>, the path without its leading slash
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html).
    /// </summary>
    internal string MethodArn(string method, GatewayPath path) =>
        $"arn:aws:execute-api:{Options.Region}:{Options.AccountId}:{Options.ApiId}/{Options.EffectiveStage}/{method}/{path.Routed.TrimStart('/')}";

    /// <summary>The answer of the mock <c>OPTIONS</c> method the deployed API has for a CORS-enabled resource.</summary>
    private GatewayResponse Preflight(IReadOnlyList<KeyValuePair<string, string>> corsHeaders, GatewayRequestIds ids)
    {
        var headers = new List<KeyValuePair<string, string>>(corsHeaders) { new("Content-Type", "application/json") };
        GatewayErrors.AddGatewayHeaders(headers, Options.ApiType, ids, includeTrace: true);
        return new GatewayResponse(200, headers, []);
    }

    /// <summary>
    /// The gateway resolves <c>.</c> and <c>..</c> segments (RFC 3986's remove_dot_segments) before routing, so
    /// <c>/a/../b</c> cannot climb above the root; percent-encoded dots are left alone.
    /// </summary>
    private static GatewayRequest WithoutDotSegments(GatewayRequest request)
    {
        var path = RemoveDotSegments(request.Path);
        return ReferenceEquals(path, request.Path) ? request : request with { Path = path };
    }

    /// <summary>RFC 3986's remove_dot_segments on a path.</summary>
    internal static string RemoveDotSegments(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal))
            return path;
        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                if (output.Count > 0)
                    output.RemoveAt(output.Count - 1);
                continue;
            }
            output.Add(segment);
        }
        var trailing = segments[^1] is "." or ".." ? "/" : "";
        return "/" + string.Join('/', output) + (output.Count > 0 ? trailing : "");
    }

    /// <summary>
    /// Fresh ids in AWS's shapes. They only need to be unique, not unguessable, so they come from a fast generator
    /// rather than the operating system's (a system call per request would show in the emulator's throughput).
    /// </summary>
    private GatewayRequestIds NewIds()
    {
        var now = _time.GetUtcNow();
        Span<byte> random = stackalloc byte[28];
        Random.Shared.NextBytes(random);
        var apigwId = Convert.ToBase64String(random[..11]).Replace('+', '-').Replace('/', '_');
        var traceId = $"Root=1-{now.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(random[11..23])}";
        var requestId = Options.ApiType == ApiGatewayType.Rest ? new Guid(random[12..28]).ToString() : apigwId;
        return new GatewayRequestIds(requestId, apigwId, traceId, now);
    }
}
