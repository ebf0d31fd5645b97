namespace Chalice;

/// <summary>
/// Makes a method of the app class (or of a registered blueprint) middleware: code around every invocation of the
/// given kind (Chalice's <c>@app.middleware(event_type)</c>), compiled like a handler, with no reflection.
/// <para>
/// It takes the invocation (a <see cref="Request"/> for <c>http</c>, the source's event for an event kind, the input for
/// <c>pure_lambda</c>, <c>object?</c> for any kind) and the next step (<see cref="HttpMiddlewareNext"/> for
/// <c>http</c>, <see cref="EventMiddlewareNext"/> otherwise), plus services, <c>ILogger&lt;T&gt;</c>,
/// <c>ILambdaContext</c> and a <c>CancellationToken</c> as handlers do. It returns the response (the result), and may
/// return without calling <c>next</c>, call it with another request or event, or catch what it throws.
/// </para>
/// <para>
/// Middleware runs in registration order, the first outermost: the app class's in declaration order, then each
/// registered blueprint's, in the order of the <see cref="RegisterBlueprintAttribute"/>s.
/// </para>
/// A <c>static readonly</c> field of type <see cref="ConvertToMiddleware"/> may be marked too: it wraps an
/// existing function-style wrapper (Chalice's <c>ConvertToMiddleware</c>).
/// </summary>
/// <example><c>[Middleware(MiddlewareKinds.Http)] public async Task&lt;Response&gt; RequestId(Request request, HttpMiddlewareNext next) { … }</c></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Field, Inherited = false)]
public sealed class MiddlewareAttribute(string eventType = MiddlewareKinds.All) : Attribute
{
    /// <summary>The invocations it wraps: one of <see cref="MiddlewareKinds"/> (Chalice's <c>event_type</c>).</summary>
    public string EventType { get; } = eventType;
}
