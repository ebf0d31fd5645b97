using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chalice.Lambda;
using Chalice.Routing;
using Chalice.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.Hosting;

/// <summary>Options for running an app: extra or replacement services (for tests), debug mode, where logs go.</summary>
public sealed class ChaliceApplicationOptions
{
    /// <summary>Runs after the app's own <c>ConfigureServices</c>, so its registrations win (e.g. fakes in tests).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Debug mode: unhandled exceptions return their stack trace instead of a generic 500 body. Defaults to the
    /// <c>CHALICE_DEBUG</c> environment variable (<c>true</c> or <c>1</c>).
    /// </summary>
    public bool? Debug { get; init; }

    /// <summary>
    /// The host's logging: its providers and levels. It runs before the app's <c>ConfigureServices</c>, so an app's own
    /// logging configuration (filters, levels, more providers) applies on top. The Lambda runtime writes Lambda's text
    /// or JSON format; the local emulator writes console lines. When null, logs are written to standard output in
    /// Lambda's format, as on Lambda.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>
/// A running app: its services, the constructed app instance, its route table and the dispatcher that serves proxy
/// events. One per process (Lambda execution environment or local emulator); it serves requests concurrently.
/// </summary>
public sealed class ChaliceApplication : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScopeFactory _scopes;

    private ChaliceApplication(ChaliceAppDefinition definition, ChaliceApplicationOptions options)
    {
        Definition = definition;
        Routes = new RouteTable(definition.Routes);
        Debug = options.Debug ?? IsTrue(Environment.GetEnvironmentVariable("CHALICE_DEBUG"));

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
        services.AddLogging(options.ConfigureLogging ?? LogToStandardOutput);
        definition.ConfigureServices?.Invoke(services);
        options.ConfigureServices?.Invoke(services);
        _services = Build(services);
        _scopes = _services.GetRequiredService<IServiceScopeFactory>();
        try
        {
            Instance = definition.CreateApp(new AppConstructionServices(_services, definition.Name));
        }
        catch
        {
            _services.Dispose();
            throw;
        }
        Dispatcher = new ChaliceDispatcher(this);
    }

    /// <summary>
    /// Builds the services and constructs the app; exceptions from the app's constructor propagate, and services that
    /// cannot be built are a <see cref="ServiceConfigurationException"/>.
    /// </summary>
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

    /// <summary>The app's services (the root provider: scoped services resolve only inside an invocation).</summary>
    public IServiceProvider Services => _services;

    /// <summary>The constructed app class.</summary>
    public object Instance { get; }

    /// <summary>JSON options carrying the app's contexts and the built-in metadata.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Whether unhandled exceptions show their details.</summary>
    public bool Debug { get; }

    /// <summary>Serves API Gateway proxy events.</summary>
    public ChaliceDispatcher Dispatcher { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Starts the services of one invocation; the caller disposes them when the invocation ends.</summary>
    internal InvocationServices BeginInvocation() => new(_scopes);

    /// <summary>
    /// The container, checked as it is built: a service whose dependencies nobody registered, or a singleton that
    /// captures a scoped service, fails here at start-up rather than on the first request that needs it.
    /// </summary>
    private static ServiceProvider Build(ServiceCollection services)
    {
        try
        {
            return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        }
        catch (AggregateException e)
        {
            // MS.DI wraps each problem as "Error while validating the service descriptor '...': <problem>".
            var problems = e.InnerExceptions.Select(inner => inner.InnerException?.Message ?? inner.Message).Distinct();
            throw new ServiceConfigurationException(
                $"The app's services cannot be built: {string.Join(" ", problems)} Register what is missing in ConfigureServices.");
        }
    }

    private static void LogToStandardOutput(ILoggingBuilder logging) => LambdaLoggerProvider.FromEnvironment(Console.Out).AddTo(logging);

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
