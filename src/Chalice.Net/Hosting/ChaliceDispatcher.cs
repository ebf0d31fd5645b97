using System.Text.Json;
using Chalice.Events;
using Chalice.Lambda;
using Chalice.Routing;
using Chalice.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.Hosting;

/// <summary>
/// Serves API Gateway proxy events: event JSON → route → middleware → parameter binding → handler → proxy response JSON. The Lambda
/// runtime loop, the local emulator and the test client all go through here, so they cannot drift apart.
/// </summary>
public sealed partial class ChaliceDispatcher
{
    private readonly ChaliceApplication _app;
    private ILogger? _logger;

    internal ChaliceDispatcher(ChaliceApplication app) => _app = app;

    /// <summary>Created on the first failure: an app that never fails never builds its logger factory for us.</summary>
    private ILogger Logger => _logger ??= _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ChaliceDispatcher>();

    /// <summary>Serves a proxy event in its JSON form (REST v1 or HTTP API v2) and returns the proxy response JSON.</summary>
    /// <exception cref="InvalidProxyEventException">The JSON is not an API Gateway proxy event.</exception>
    public async ValueTask<byte[]> DispatchAsync(
        ReadOnlyMemory<byte> eventJson, ILambdaContext? lambdaContext = null, CancellationToken cancellationToken = default)
    {
        switch (ProxyEventDetector.Detect(eventJson.Span))
        {
            case ProxyEventKind.RestV1:
                var restEvent = Parse(eventJson, ProxyEventJson.ParseRestEvent);
                return ProxyEventJson.Serialize(await DispatchAsync(restEvent, lambdaContext, cancellationToken).ConfigureAwait(false));
            case ProxyEventKind.HttpApiV2:
                var httpEvent = Parse(eventJson, ProxyEventJson.ParseHttpApiEvent);
                return ProxyEventJson.Serialize(await DispatchAsync(httpEvent, lambdaContext, cancellationToken).ConfigureAwait(false));
            default:
                throw new InvalidProxyEventException("The event is not an API Gateway proxy event (REST payload 1.0 or HTTP API payload 2.0).");
        }
    }

    /// <summary>Serves a REST API (payload 1.0) event.</summary>
    public async ValueTask<ApiGatewayProxyResponse> DispatchAsync(
        ApiGatewayProxyRequest proxyEvent, ILambdaContext? lambdaContext = null, CancellationToken cancellationToken = default)
    {
        var request = new Request(proxyEvent, lambdaContext);
        var template = proxyEvent.Resource ?? proxyEvent.RequestContext?.ResourcePath;
        var response = await HandleAsync(request, template, cancellationToken).ConfigureAwait(false);
        return ResponseEncoder.ToRest(response, _app.JsonOptions);
    }

    /// <summary>Serves an HTTP API (payload 2.0) event.</summary>
    public async ValueTask<HttpApiV2ProxyResponse> DispatchAsync(
        HttpApiV2ProxyRequest proxyEvent, ILambdaContext? lambdaContext = null, CancellationToken cancellationToken = default)
    {
        var request = new Request(proxyEvent, lambdaContext);
        var template = Request.RouteKeyPath(proxyEvent.RouteKey);
        var response = await HandleAsync(request, template, cancellationToken).ConfigureAwait(false);
        return ResponseEncoder.ToHttpApi(response, _app.JsonOptions);
    }

    private async ValueTask<Response> HandleAsync(Request request, string? template, CancellationToken cancellationToken)
    {
        var resource = template is null ? null : _app.Routes.FindByTemplate(template);
        // A catch-all integration ($default, ANY /{proxy+}) sends paths the app must route itself.
        if (resource is null && _app.Routes.Match(request.RawPath) is { } match)
        {
            resource = match.Resource;
            request.SetRoute(resource.Template, match.PathParameters);
        }
        if (resource is null)
            return ErrorResponse(new NotFoundError($"No route matches {request.Method} {request.RawPath}."), cors: null);

        var route = resource.Find(request.Method);
        if (route is null)
        {
            return ErrorResponse(
                new MethodNotAllowedError($"Unsupported method: {request.Method}", resource.Methods), cors: null);
        }
        var response = await InvokeAsync(route, request, cancellationToken).ConfigureAwait(false);
        if (route.Cors is { } cors)
        {
            foreach (var (name, value) in cors.GetHeaders())
                response.Headers.TryAdd(name, value);
        }
        return response;
    }

    private async ValueTask<Response> InvokeAsync(RouteDefinition route, Request request, CancellationToken cancellationToken)
    {
        var previous = Request.CurrentOrNull;
        Request.SetCurrent(request);
        var services = _app.BeginInvocation();
        var context = new HandlerContext(request, services, _app.JsonOptions, cancellationToken);
        try
        {
            var response = await RunHttpAsync(route, context).ConfigureAwait(false);
            await ResponseEncoder.BufferStreamBodyAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (ChaliceViewError error)
        {
            return ErrorResponse(error, cors: null);
        }
        catch (Exception exception)
        {
            LogUnhandledException(Logger, exception, route.HandlerName, request.Method, route.Path);
            return _app.Debug
                ? new Response(exception.ToString(), 500, [new("Content-Type", "text/plain")])
                : new Response(new ErrorBody("InternalServerError", "An internal server error occurred."), 500);
        }
        finally
        {
            await services.DisposeAsync().ConfigureAwait(false);
            Request.SetCurrent(previous);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Handler} ({Method} {Path})")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string handler, string method, string path);

    private static Response ErrorResponse(ChaliceViewError error, CorsConfig? cors)
    {
        var response = new Response(new ErrorBody(error.Code, error.Message), error.StatusCode, error.Headers);
        if (cors is not null)
        {
            foreach (var (name, value) in cors.GetHeaders())
                response.Headers.TryAdd(name, value);
        }
        return response;
    }

    private static T Parse<T>(ReadOnlyMemory<byte> json, ProxyEventParser<T> parse)
    {
        try
        {
            return parse(json.Span);
        }
        catch (JsonException e)
        {
            throw new InvalidProxyEventException($"The proxy event is not valid: {e.Message}", e);
        }
    }
}

internal delegate T ProxyEventParser<out T>(ReadOnlySpan<byte> json);

/// <summary>The payload handed to the API handler is not a valid API Gateway proxy event.</summary>
public sealed class InvalidProxyEventException(string message, Exception? inner = null) : Exception(message, inner);
