using System.ComponentModel;
using Chalice.Functions;

namespace Chalice.Hosting;

/// <summary>Calls one middleware around an HTTP request; generated code implements it.</summary>
/// <param name="app">The app instance (ignored by static middleware).</param>
/// <param name="context">The request being served.</param>
/// <param name="next">The rest of the pipeline.</param>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public delegate ValueTask<Response> HttpMiddlewareInvoker(object app, HandlerContext context, HttpMiddlewareNext next);

/// <summary>Calls one middleware around a function's invocation; generated code implements it.</summary>
/// <param name="app">The app instance (ignored by static middleware).</param>
/// <param name="context">The invocation.</param>
/// <param name="next">The rest of the pipeline.</param>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public delegate ValueTask<object?> EventMiddlewareInvoker(object app, FunctionContext context, EventMiddlewareNext next);

/// <summary>
/// One <c>[Middleware]</c> of an app, emitted by the source generator: what it wraps and how to call it around an HTTP
/// request (<see cref="Http"/>) and around a function (<see cref="Event"/>); <c>all</c> middleware has both.
/// </summary>
public sealed class MiddlewareDefinition
{
    /// <summary>Creates a definition; generated code calls this.</summary>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is not one of <see cref="MiddlewareKinds"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public MiddlewareDefinition(string name, string eventType)
    {
        if (!MiddlewareKinds.Known.Contains(eventType))
        {
            throw new ArgumentException(
                $"'{eventType}' is not a middleware kind; the kinds are {string.Join(", ", MiddlewareKinds.Known)}.", nameof(eventType));
        }
        Name = name;
        EventType = eventType;
    }

    /// <summary>The middleware method's (or field's) name.</summary>
    public string Name { get; }

    /// <summary>What it wraps: one of <see cref="MiddlewareKinds"/>.</summary>
    public string EventType { get; }

    /// <summary>How to call it around an HTTP request; null when it does not wrap them.</summary>
    public HttpMiddlewareInvoker? Http { get; init; }

    /// <summary>How to call it around a function's invocation; null when it wraps none.</summary>
    public EventMiddlewareInvoker? Event { get; init; }

    /// <summary>Whether it wraps the invocations of a function of <paramref name="kind"/>.</summary>
    public bool Wraps(FunctionKind kind) => Event is not null && (EventType == MiddlewareKinds.All || EventType == MiddlewareKinds.Of(kind));
}
