using System.Text.Json;
using Chalice.Hosting;
using Chalice.Lambda;

namespace Chalice.Functions;

/// <summary>What a generated function invoker needs to serve one invocation.</summary>
public sealed class FunctionContext
{
    private readonly InvocationServices _services;

    internal FunctionContext(
        FunctionDefinition function, object? @event, InvocationServices services, JsonSerializerOptions jsonOptions,
        ILambdaContext lambdaContext, CancellationToken cancellationToken)
    {
        Function = function;
        Event = @event;
        _services = services;
        JsonOptions = jsonOptions;
        LambdaContext = lambdaContext;
        CancellationToken = cancellationToken;
    }

    /// <summary>The function being invoked.</summary>
    public FunctionDefinition Function { get; }

    /// <summary>
    /// The event read from the payload: the source's event type (<c>S3Event</c>, <c>SqsEvent</c>, …), a pure function's
    /// input, or null when the handler takes none.
    /// </summary>
    public object? Event { get; }

    /// <summary>The invocation's Lambda context.</summary>
    public ILambdaContext LambdaContext { get; }

    /// <summary>Signalled shortly before the invocation's deadline, or when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The options that carry the app's JSON metadata.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>This invocation with another event (a middleware replaced it); the same services, context and cancellation.</summary>
    internal FunctionContext WithEvent(object? @event) =>
        ReferenceEquals(@event, Event) ? this : new FunctionContext(Function, @event, _services, JsonOptions, LambdaContext, CancellationToken);

    /// <summary>Services for this invocation: scoped services are shared within it and disposed when it ends.</summary>
    public IServiceProvider Services => _services.Provider;
}
