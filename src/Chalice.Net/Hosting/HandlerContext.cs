using System.Text.Json;

namespace Chalice.Hosting;

/// <summary>What a generated invoker needs to serve one request.</summary>
public sealed class HandlerContext
{
    private readonly InvocationServices _services;

    internal HandlerContext(Request request, InvocationServices services, JsonSerializerOptions jsonOptions, CancellationToken cancellationToken)
    {
        Request = request;
        _services = services;
        JsonOptions = jsonOptions;
        CancellationToken = cancellationToken;
    }

    /// <summary>The request.</summary>
    public Request Request { get; }

    /// <summary>Signalled when the caller gives up (integration timeout, Lambda deadline, shutdown).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The options that carry the app's JSON metadata.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>This invocation with another request (a middleware replaced it); the same services and cancellation.</summary>
    internal HandlerContext WithRequest(Request request) =>
        ReferenceEquals(request, Request) ? this : new HandlerContext(request, _services, JsonOptions, CancellationToken);

    /// <summary>Services for this invocation: scoped services are shared within it and disposed when it ends.</summary>
    public IServiceProvider Services => _services.Provider;
}
