using System.ComponentModel;

namespace Chalice.Hosting;

/// <summary>
/// Adapts <c>all</c> middleware, written against events and results, to an HTTP request, whose event is the
/// <see cref="Request"/> and whose result is a <see cref="Response"/>; generated code calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MiddlewareResults
{
    /// <summary>The rest of an HTTP pipeline as an <see cref="EventMiddlewareNext"/>: it takes a <see cref="Request"/>.</summary>
    public static EventMiddlewareNext ForEvents(HttpMiddlewareNext next) => async @event => await next(@event as Request ?? throw NotARequest(@event)).ConfigureAwait(false);

    /// <summary>What middleware returned for an HTTP request, as its response: handlers' rules (<see cref="HandlerResults.From"/>).</summary>
    public static Response ToResponse(object? result) => HandlerResults.From(result);

    private static InvalidOperationException NotARequest(object? @event) => new(
        $"Middleware passed {(@event is null ? "null" : "a " + @event.GetType().Name)} on for an HTTP request; pass the Request it received, or another Request.");
}
