namespace Chalice;

/// <summary>
/// The rest of an HTTP request's pipeline, as an <c>http</c> middleware sees it: the next middleware, and in the end the
/// route's handler. Pass the request received, or another one to replace it.
/// </summary>
public delegate ValueTask<Response> HttpMiddlewareNext(Request request);

/// <summary>
/// The rest of an invocation's pipeline, as middleware of an event kind (or <c>all</c>) sees it: the next middleware,
/// and in the end the function's handler, which returns its result (null for none). Pass the event received, or another
/// one to replace it. Under <c>all</c>, an HTTP request's event is its <see cref="Request"/> and its result a
/// <see cref="Response"/>, as in Chalice.
/// </summary>
public delegate ValueTask<object?> EventMiddlewareNext(object? @event);
