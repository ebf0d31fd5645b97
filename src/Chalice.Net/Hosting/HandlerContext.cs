using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>What a generated invoker needs to serve one request.</summary>
public sealed class HandlerContext : IAsyncDisposable
{
    private readonly IServiceProvider _rootServices;
    private AsyncServiceScope? _scope;

    internal HandlerContext(Request request, IServiceProvider services, JsonSerializerOptions jsonOptions, CancellationToken cancellationToken)
    {
        Request = request;
        _rootServices = services;
        JsonOptions = jsonOptions;
        CancellationToken = cancellationToken;
    }

    /// <summary>The request.</summary>
    public Request Request { get; }

    /// <summary>Signalled when the caller gives up (integration timeout, Lambda deadline, shutdown).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The options that carry the app's JSON metadata.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Services for this request: a scope created on first use and disposed when the request ends.</summary>
    public IServiceProvider Services => (_scope ??= _rootServices.CreateAsyncScope()).ServiceProvider;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _scope?.DisposeAsync() ?? ValueTask.CompletedTask;
}
