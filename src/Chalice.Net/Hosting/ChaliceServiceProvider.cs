using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>
/// The container behind an app's <c>ConfigureServices</c>, kept small so that the core depends on nothing but
/// DI.Abstractions: singleton, scoped and transient lifetimes; instances, factories and types (activated through
/// <see cref="ActivatorUtilities"/>, trim-safe); the last registration of a type wins. Keyed services,
/// <c>IEnumerable&lt;T&gt;</c> and open generics are not supported and fail with a message saying so.
/// </summary>
internal sealed class ChaliceServiceProvider : IServiceProvider, IServiceScopeFactory, IServiceProviderIsService,
    IAsyncDisposable, IDisposable
{
    private readonly Dictionary<Type, ServiceDescriptor> _descriptors = [];
    private readonly ConcurrentDictionary<ServiceDescriptor, Lazy<object>> _singletons = new();
    private readonly Disposables _disposables = new();

    public ChaliceServiceProvider(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.IsKeyedService)
                throw new NotSupportedException($"Keyed service registrations are not supported (service {descriptor.ServiceType}).");
            if (descriptor.ServiceType.IsGenericTypeDefinition)
                throw new NotSupportedException($"Open generic registrations are not supported (service {descriptor.ServiceType}).");
            _descriptors[descriptor.ServiceType] = descriptor;
        }
    }

    public object? GetService(Type serviceType) => Resolve(serviceType, scope: null);

    public IServiceScope CreateScope() => new Scope(this);

    public bool IsService(Type serviceType) =>
        _descriptors.ContainsKey(serviceType) || IsBuiltIn(serviceType);

    public void Dispose() => _disposables.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => _disposables.DisposeAsync();

    private static bool IsBuiltIn(Type type) =>
        type == typeof(IServiceProvider) || type == typeof(IServiceScopeFactory) || type == typeof(IServiceProviderIsService);

    private object? Resolve(Type serviceType, Scope? scope)
    {
        if (serviceType == typeof(IServiceProvider))
            return (object?)scope ?? this;
        if (IsBuiltIn(serviceType))
            return this;
        if (!_descriptors.TryGetValue(serviceType, out var descriptor))
            return null;

        switch (descriptor.Lifetime)
        {
            case ServiceLifetime.Singleton:
                return _singletons.GetOrAdd(descriptor, d => new Lazy<object>(() => Create(d, this, _disposables))).Value;
            case ServiceLifetime.Scoped when scope is null:
                throw new InvalidOperationException(
                    $"Scoped service {serviceType} can only be resolved inside a request (e.g. a [FromServices] parameter).");
            case ServiceLifetime.Scoped:
                return scope.GetOrCreate(descriptor);
            default:
                return Create(descriptor, (IServiceProvider?)scope ?? this, (Disposables?)scope?.Disposables ?? _disposables);
        }
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider provider, Disposables owner)
    {
        var instance = descriptor.ImplementationInstance
                       ?? descriptor.ImplementationFactory?.Invoke(provider)
                       ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
        if (descriptor.ImplementationInstance is null)
            owner.Track(instance);
        return instance;
    }

    private sealed class Scope(ChaliceServiceProvider root) : IServiceScope, IServiceProvider, IAsyncDisposable
    {
        private readonly Dictionary<ServiceDescriptor, object> _scoped = [];

        public Disposables Disposables { get; } = new();

        public IServiceProvider ServiceProvider => this;

        public object? GetService(Type serviceType) => root.Resolve(serviceType, this);

        public object GetOrCreate(ServiceDescriptor descriptor)
        {
            lock (_scoped)
            {
                if (!_scoped.TryGetValue(descriptor, out var instance))
                    _scoped[descriptor] = instance = Create(descriptor, this, Disposables);
                return instance;
            }
        }

        public void Dispose() => Disposables.DisposeAsync().AsTask().GetAwaiter().GetResult();

        public ValueTask DisposeAsync() => Disposables.DisposeAsync();
    }

    /// <summary>Services the container created, disposed in reverse order of creation.</summary>
    private sealed class Disposables
    {
        private readonly List<object> _items = [];

        public void Track(object instance)
        {
            if (instance is IDisposable or IAsyncDisposable)
            {
                lock (_items)
                    _items.Add(instance);
            }
        }

        public async ValueTask DisposeAsync()
        {
            object[] items;
            lock (_items)
            {
                items = [.. _items];
                _items.Clear();
            }
            for (var i = items.Length - 1; i >= 0; i--)
            {
                if (items[i] is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else
                    ((IDisposable)items[i]).Dispose();
            }
        }
    }
}
