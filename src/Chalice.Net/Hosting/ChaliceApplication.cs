using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Routing;
using Chalice.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>Options for running an app: extra or replacement services (for tests), debug mode, logging.</summary>
public sealed class ChaliceApplicationOptions
{
    /// <summary>Runs after the app's own <c>ConfigureServices</c>, so its registrations win (e.g. fakes in tests).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Debug mode: unhandled exceptions return their stack trace instead of a generic 500 body. Defaults to the
    /// <c>CHALICE_DEBUG</c> environment variable (<c>true</c> or <c>1</c>).
    /// </summary>
    public bool? Debug { get; init; }

    /// <summary>Where the runtime logs; standard error by default.</summary>
    public IChaliceLogger? Logger { get; init; }
}

/// <summary>
/// A running app: its services, the constructed app instance, its route table and the dispatcher that serves proxy
/// events. One per process (Lambda execution environment or local emulator); it serves requests concurrently.
/// </summary>
public sealed class ChaliceApplication : IAsyncDisposable
{
    private readonly ChaliceServiceProvider _services;

    private ChaliceApplication(ChaliceAppDefinition definition, ChaliceApplicationOptions options)
    {
        Definition = definition;
        Routes = new RouteTable(definition.Routes);
        Debug = options.Debug ?? IsTrue(Environment.GetEnvironmentVariable("CHALICE_DEBUG"));
        Logger = options.Logger ?? ConsoleChaliceLogger.Instance;

        var resolver = definition.JsonResolver is null
            ? (IJsonTypeInfoResolver)ChaliceJsonContext.Default
            : JsonTypeInfoResolver.Combine(definition.JsonResolver, ChaliceJsonContext.Default);
        // Responses are application/json read by API clients, not embedded in HTML: escape only what JSON requires,
        // as Chalice's json.dumps does.
        JsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = resolver,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        JsonOptions.MakeReadOnly();

        var services = new ServiceCollection();
        services.AddSingleton(Logger);
        definition.ConfigureServices?.Invoke(services);
        options.ConfigureServices?.Invoke(services);
        _services = new ChaliceServiceProvider(services);
        Instance = definition.CreateApp(_services);
        Dispatcher = new ChaliceDispatcher(this);
    }

    /// <summary>Builds the services and constructs the app; exceptions from the app's constructor propagate.</summary>
    public static ChaliceApplication Create<TApp>(ChaliceApplicationOptions? options = null) where TApp : IChaliceApp =>
        Create(TApp.Definition, options);

    /// <inheritdoc cref="Create{TApp}" />
    public static ChaliceApplication Create(ChaliceAppDefinition definition, ChaliceApplicationOptions? options = null) =>
        new(definition, options ?? new ChaliceApplicationOptions());

    /// <summary>The generated definition.</summary>
    public ChaliceAppDefinition Definition { get; }

    /// <summary>The app's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The route table.</summary>
    public RouteTable Routes { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The constructed app class.</summary>
    public object Instance { get; }

    /// <summary>JSON options carrying the app's contexts and the built-in metadata.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Whether unhandled exceptions show their details.</summary>
    public bool Debug { get; }

    /// <summary>The runtime's logger.</summary>
    public IChaliceLogger Logger { get; }

    /// <summary>Serves API Gateway proxy events.</summary>
    public ChaliceDispatcher Dispatcher { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
