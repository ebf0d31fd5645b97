using Chalice.Lambda;

namespace Chalice;

/// <summary>A Lambda handler in the function style existing wrappers decorate: the event and the context in, the result out.</summary>
public delegate ValueTask<object?> LambdaHandler(object? @event, ILambdaContext? context);

/// <summary>
/// Turns an existing wrapper of Lambda handlers (a tracing or logging decorator written for <c>(event, context)</c>
/// functions) into middleware, as Chalice's <c>ConvertToMiddleware</c> does: the wrapper wraps the rest of the pipeline
/// and is called with the invocation's event and Lambda context. Mark a <c>static readonly</c> field of this type with
/// <see cref="MiddlewareAttribute"/>.
/// </summary>
/// <example><c>[Middleware] private static readonly ConvertToMiddleware Traced = new(Tracer.Wrap);</c></example>
public sealed class ConvertToMiddleware(Func<LambdaHandler, LambdaHandler> wrapper)
{
    private readonly Func<LambdaHandler, LambdaHandler> _wrapper = wrapper ?? throw new ArgumentNullException(nameof(wrapper));

    /// <summary>Runs the wrapper around <paramref name="next"/>; an event the wrapper passes on replaces the invocation's.</summary>
    public ValueTask<object?> InvokeAsync(object? @event, ILambdaContext? context, EventMiddlewareNext next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return _wrapper((wrappedEvent, _) => next(wrappedEvent))(@event, context);
    }
}
