using Chalice.Hosting;
using Chalice.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chalice.Tests;

/// <summary>The app container (Microsoft.Extensions.DependencyInjection), through app definitions built by hand (what the generator emits).</summary>
public sealed class ServiceProviderTests
{
    private sealed class Tracked : IDisposable
    {
        public static int Disposed;
        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    private sealed class Dependent(Tracked tracked)
    {
        public Tracked Tracked { get; } = tracked;
    }

    private interface IShape
    {
        string Name { get; }
    }

    private sealed class Circle : IShape
    {
        public string Name => "circle";
    }

    private sealed class Square : IShape
    {
        public string Name => "square";
    }

    private sealed class Box<T>
    {
        public string Holds => typeof(T).Name;
    }

    private static ChaliceApplication Start(
        Action<IServiceCollection> configure, Func<IServiceProvider, object>? create = null, IReadOnlyList<RouteDefinition>? routes = null) =>
        ChaliceApplication.Create(new ChaliceAppDefinition("svc", routes ?? [], create ?? (_ => new object())) { ConfigureServices = configure });

    [Fact]
    public async Task Singletons_are_shared_and_disposed_with_the_app()
    {
        var before = Tracked.Disposed;
        var app = Start(s => s.AddSingleton<Tracked>().AddTransient<Dependent>());
        var a = app.Services.GetRequiredService<Dependent>();
        var b = app.Services.GetRequiredService<Dependent>();
        Assert.NotSame(a, b);
        Assert.Same(a.Tracked, b.Tracked);
        await app.DisposeAsync();
        Assert.Equal(before + 1, Tracked.Disposed);
    }

    [Fact]
    public async Task Scoped_services_live_one_per_scope_and_never_resolve_from_the_root()
    {
        await using var app = Start(s => s.AddScoped<Tracked>());
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await using var first = scopes.CreateAsyncScope();
        await using var second = scopes.CreateAsyncScope();
        Assert.Same(first.ServiceProvider.GetRequiredService<Tracked>(), first.ServiceProvider.GetRequiredService<Tracked>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<Tracked>(), second.ServiceProvider.GetRequiredService<Tracked>());
        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetService<Tracked>());
        Assert.Contains("Cannot resolve scoped service", error.Message);
    }

    [Fact]
    public async Task Factories_instances_and_last_registration_win()
    {
        var instance = new Tracked();
        await using var app = Start(s => s.AddSingleton(new Tracked()).AddSingleton(instance).AddSingleton(sp => new Dependent(sp.GetRequiredService<Tracked>())));
        Assert.Same(instance, app.Services.GetRequiredService<Dependent>().Tracked);
        Assert.NotNull(app.Services.GetService<ILogger<ServiceProviderTests>>());
        Assert.Null(app.Services.GetService<IDisposable>());
    }

    /// <summary>
    /// The container that came before threw NotSupportedException on each of these registrations. (AddHttpClient and
    /// AddAWSService are proven by tests/TestApps/ServicesApp, in-process, in the emulator and as a Native AOT bootstrap.)
    /// </summary>
    [Fact]
    public async Task Keyed_open_generic_enumerable_and_the_standard_registrations_resolve()
    {
        await using var app = Start(s => s
            .AddLogging()
            .AddOptions()
            .Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Warning)
            .AddKeyedSingleton<IShape, Circle>("round")
            .AddKeyedSingleton<IShape, Square>("square")
            .AddSingleton<IShape, Circle>()
            .AddSingleton<IShape, Square>()
            .AddSingleton(typeof(Box<>)));

        Assert.Equal("circle", app.Services.GetRequiredKeyedService<IShape>("round").Name);
        Assert.Equal("square", app.Services.GetRequiredKeyedService<IShape>("square").Name);
        Assert.Equal(["circle", "square"], app.Services.GetServices<IShape>().Select(s => s.Name));
        Assert.Equal("Int32", app.Services.GetRequiredService<Box<int>>().Holds);
        Assert.Equal(LogLevel.Warning, app.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.MinLevel);
    }

    [Fact]
    public void Constructor_failures_propagate_from_create()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Start(_ => { }, _ => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public void A_constructor_service_nobody_registered_is_one_line_naming_it_and_the_fix()
    {
        // What the generator emits for `public App(ILogger<App> log, Dependent dependent)`.
        var error = Assert.Throws<ServiceConfigurationException>(() => Start(_ => { }, services => new object[]
        {
            services.GetRequiredService<ILogger<ServiceProviderTests>>(),
            services.GetRequiredService<Dependent>(),
        }));
        Assert.Equal(
            "The app 'svc' takes Dependent in its constructor, but no service is registered for Dependent: " +
            "register it in ConfigureServices (for example services.AddSingleton<Dependent>(...)).",
            error.Message);

        var keyed = Assert.Throws<ServiceConfigurationException>(() => Start(
            s => s.AddKeyedSingleton<IShape, Circle>("round"),
            services => services.GetRequiredKeyedService<IShape>("square")));
        Assert.Equal(
            "The app 'svc' takes IShape with key \"square\" in its constructor, but no service is registered for it: " +
            "register it in ConfigureServices (for example services.AddKeyedSingleton<IShape>(\"square\", ...)).",
            keyed.Message);
    }

    [Fact]
    public void A_service_whose_dependency_nobody_registered_stops_the_start_not_the_first_request()
    {
        var error = Assert.Throws<ServiceConfigurationException>(() => Start(s => s.AddSingleton<Dependent>()));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("The app's services cannot be built: Unable to resolve service for type", error.Message);
        Assert.Contains("ServiceProviderTests+Tracked", error.Message);
        Assert.EndsWith("Register what is missing in ConfigureServices.", error.Message);
    }

    [Fact]
    public void A_singleton_capturing_a_scoped_service_stops_the_start()
    {
        var error = Assert.Throws<ServiceConfigurationException>(() => Start(s => s.AddScoped<Tracked>().AddSingleton<Dependent>()));
        Assert.Contains("Cannot consume scoped service", error.Message);
    }

    [Fact]
    public async Task Each_invocation_has_one_scope_disposed_when_it_ends()
    {
        var seen = new List<(Tracked First, Tracked Second, int DisposedBefore)>();
        var route = new RouteDefinition("/scoped", ["GET"], "Scoped", (_, context) =>
        {
            seen.Add((context.Services.GetRequiredService<Tracked>(), context.Services.GetRequiredService<Tracked>(), Tracked.Disposed));
            return ValueTask.FromResult(new Response("ok"));
        });
        await using var app = Start(s => s.AddScoped<Tracked>(), routes: [route]);
        await using var client = new ChaliceTestClient(app);

        var before = Tracked.Disposed;
        Assert.Equal(200, (await client.GetAsync("/scoped")).StatusCode);
        Assert.Equal(before + 1, Tracked.Disposed);
        Assert.Equal(200, (await client.GetAsync("/scoped")).StatusCode);
        Assert.Equal(before + 2, Tracked.Disposed);

        Assert.Same(seen[0].First, seen[0].Second);
        Assert.NotSame(seen[0].First, seen[1].First);
    }

    [Fact]
    public async Task The_app_and_its_handlers_log_through_the_hosts_logging_with_their_categories()
    {
        var log = new RecordingLoggerProvider();
        await using var app = ChaliceApplication.Create<TestApp.App>(new ChaliceApplicationOptions { ConfigureLogging = logging => logging.AddProvider(log) });
        await using var client = new ChaliceTestClient(app);

        await client.GetAsync("/log/from-the-handler");
        await client.GetAsync("/crash");

        Assert.Contains(log.Entries, e => e is { Category: "Chalice.TestApp.App", Level: LogLevel.Information, Message: "from-the-handler" });
        var failure = Assert.Single(log.Entries, e => e.Category == "Chalice.Hosting.ChaliceDispatcher");
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("Unhandled exception in Crash (GET /crash)", failure.Message);
        Assert.Equal("secret internal detail", failure.Exception?.Message);
    }

    [Fact]
    public async Task The_apps_own_logging_configuration_applies_on_top_of_the_hosts()
    {
        var log = new RecordingLoggerProvider();
        var definition = new ChaliceAppDefinition("svc", [], services => services.GetRequiredService<ILogger<ServiceProviderTests>>())
        {
            ConfigureServices = services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)),
        };
        await using var app = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = logging => logging.AddProvider(log) });

        var logger = (ILogger)app.Instance;
        logger.LogInformation("filtered out by the app");
        logger.LogWarning("kept");
        Assert.Equal(["kept"], log.Entries.Select(e => e.Message));
    }
}
