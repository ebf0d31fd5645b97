using Chalice.Functions;

namespace Chalice.Hosting;

// Middleware: the one place every invocation passes through on its way to a handler. The app's middleware is filtered
// once per kind; each invocation then runs it in order, the first outermost, each step's `next` being the rest.
public sealed partial class ChaliceDispatcher
{
    private HttpMiddlewareInvoker[]? _httpMiddleware;
    private readonly EventMiddlewareInvoker[]?[] _eventMiddleware = new EventMiddlewareInvoker[]?[Enum.GetValues<FunctionKind>().Length];

    private HttpMiddlewareInvoker[] HttpMiddleware =>
        _httpMiddleware ??= _app.Definition.Middleware.Where(m => m.Http is not null).Select(m => m.Http!).ToArray();

    private EventMiddlewareInvoker[] EventMiddlewareFor(FunctionKind kind) =>
        _eventMiddleware[(int)kind] ??= _app.Definition.Middleware.Where(m => m.Wraps(kind)).Select(m => m.Event!).ToArray();

    /// <summary>
    /// Runs the HTTP middleware from <paramref name="index"/> on, then the route's handler. As in Chalice, whose
    /// middleware wraps everything after the route is found, a body of a type the route does not accept is answered
    /// (415) inside the pipeline, so middleware sees that response too.
    /// </summary>
    private ValueTask<Response> RunHttpAsync(RouteDefinition route, HandlerContext context, int index = 0)
    {
        var middleware = HttpMiddleware;
        if (index == middleware.Length)
        {
            var request = context.Request;
            if (request.HasBody && !MediaTypes.Matches(request.ContentType ?? "application/json", route.ContentTypes))
                return new ValueTask<Response>(ErrorResponse(new UnsupportedMediaTypeError($"Unsupported media type: {request.ContentType}"), cors: null));
            return route.Invoker(_app.Instance, context);
        }
        return middleware[index](_app.Instance, context, request =>
        {
            var next = context.WithRequest(request ?? throw new ArgumentNullException(nameof(request), "Middleware passed a null request on."));
            // The handler (CurrentRequest) sees the request the middleware passed on.
            if (!ReferenceEquals(next, context))
                Request.SetCurrent(request);
            return RunHttpAsync(route, next, index + 1);
        });
    }

    /// <summary>Runs the function's middleware from <paramref name="index"/> on, then its handler.</summary>
    private ValueTask<object?> RunFunctionAsync(FunctionDefinition function, FunctionContext context, int index = 0)
    {
        var middleware = EventMiddlewareFor(function.Kind);
        if (index == middleware.Length)
            return function.Invoker(_app.Instance, context);
        return middleware[index](_app.Instance, context, @event => RunFunctionAsync(function, context.WithEvent(@event), index + 1));
    }
}
