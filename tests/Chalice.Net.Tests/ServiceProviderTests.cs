using Chalice.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Tests;

/// <summary>The app container, through an app definition built by hand (what the generator emits).</summary>
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

    private static ChaliceApplication Start(Action<IServiceCollection> configure, Func<IServiceProvider, object>? create = null) =>
        ChaliceApplication.Create(new ChaliceAppDefinition("svc", [], create ?? (_ => new object())) { ConfigureServices = configure });

    [Fact]
    public async Task SingletonsAreSharedAndDisposedWithTheApp()
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
    public async Task ScopedServicesLiveOnePerScope()
    {
        await using var app = Start(s => s.AddScoped<Tracked>());
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await using var first = scopes.CreateAsyncScope();
        await using var second = scopes.CreateAsyncScope();
        Assert.Same(first.ServiceProvider.GetRequiredService<Tracked>(), first.ServiceProvider.GetRequiredService<Tracked>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<Tracked>(), second.ServiceProvider.GetRequiredService<Tracked>());
        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetService<Tracked>());
        Assert.Contains("only be resolved inside a request", error.Message);
    }

    [Fact]
    public async Task FactoriesInstancesAndLastRegistrationWin()
    {
        var instance = new Tracked();
        await using var app = Start(s => s.AddSingleton(new Tracked()).AddSingleton(instance).AddSingleton(sp => new Dependent(sp.GetRequiredService<Tracked>())));
        Assert.Same(instance, app.Services.GetRequiredService<Dependent>().Tracked);
        Assert.NotNull(app.Services.GetService<IChaliceLogger>());
        Assert.Null(app.Services.GetService<IDisposable>());
    }

    [Fact]
    public void UnsupportedRegistrationsFailClearly()
    {
        var error = Assert.Throws<NotSupportedException>(() => Start(s => s.AddKeyedSingleton<Tracked>("k")));
        Assert.Contains("Keyed service registrations are not supported", error.Message);
    }

    [Fact]
    public void ConstructorFailuresPropagateFromCreate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Start(_ => { }, _ => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
    }
}
