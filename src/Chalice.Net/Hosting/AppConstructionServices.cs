using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>
/// The provider the generated code constructs the app class from. It answers as the app's container does, except that a
/// constructor parameter no service is registered for fails with a <see cref="ServiceConfigurationException"/> that
/// names the service and says to register it in <c>ConfigureServices</c>, rather than MS.DI's generic "No service for
/// type" with a stack trace through generated code.
/// </summary>
internal sealed class AppConstructionServices(IServiceProvider services, string appName)
    : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType) => services.GetService(serviceType);

    public object GetRequiredService(Type serviceType) =>
        services.GetService(serviceType) ?? throw Missing(serviceType, key: null);

    public object? GetKeyedService(Type serviceType, object? serviceKey) =>
        ((IKeyedServiceProvider)services).GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        GetKeyedService(serviceType, serviceKey) ?? throw Missing(serviceType, serviceKey);

    private ServiceConfigurationException Missing(Type serviceType, object? key)
    {
        var type = CSharpTypeName.Of(serviceType);
        var keyText = key is string text ? $"\"{text}\"" : key?.ToString();
        return key is null
            ? new ServiceConfigurationException(
                $"The app '{appName}' takes {type} in its constructor, but no service is registered for {type}: " +
                $"register it in ConfigureServices (for example services.AddSingleton<{type}>(...)).")
            : new ServiceConfigurationException(
                $"The app '{appName}' takes {type} with key {keyText} in its constructor, but no service is registered " +
                $"for it: register it in ConfigureServices (for example services.AddKeyedSingleton<{type}>({keyText}, ...)).");
    }
}
