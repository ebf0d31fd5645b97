using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>
/// The services of one invocation: a DI scope, created when a handler first asks for a service and disposed when the
/// invocation ends. Every entry point that serves an invocation (the API dispatcher today, event handlers later) begins
/// exactly one through <see cref="ChaliceApplication.BeginInvocation"/>, so a scoped service lives as long as one Lambda
/// invocation, whichever host runs it. Invocations that use no service create no scope.
/// </summary>
internal sealed class InvocationServices(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private IServiceScope? _scope;

    public IServiceProvider Provider => (Volatile.Read(ref _scope) ?? CreateScope()).ServiceProvider;

    public ValueTask DisposeAsync() => _scope is { } scope ? new AsyncServiceScope(scope).DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>A handler may resolve services from several tasks at once; only one scope may win.</summary>
    private IServiceScope CreateScope()
    {
        var scope = scopes.CreateScope();
        var winner = Interlocked.CompareExchange(ref _scope, scope, null);
        if (winner is null)
            return scope;
        scope.Dispose();
        return winner;
    }
}
