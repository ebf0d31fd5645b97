using BenchmarkDotNet.Attributes;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Benchmarks;

/// <summary>
/// What middleware adds to a warm invocation: <c>GET /users/{id}</c> of the test app (REST v1 event JSON → route →
/// middleware → bind → handler → proxy response JSON) with 0 and 3 no-op <c>http</c> middlewares, written as the
/// generator emits <c>ValueTask&lt;Response&gt; Noop(Request request, HttpMiddlewareNext next) =&gt; next(request)</c>.
/// The added cost per middleware is (time with 3 − time with 0) / 3; 30 amplifies it above the noise of a shared machine.
/// </summary>
// The minimum and the median: on a machine shared with builds, the mean mostly measures the neighbours.
[MemoryDiagnoser, MinColumn, MedianColumn]
public class MiddlewareDispatchBenchmarks
{
    private ChaliceApplication _app = null!;
    private ReadOnlyMemory<byte> _event;

    [Params(0, 3, 30)]
    public int Middlewares { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var testApp = DefinitionOf<Chalice.TestApp.App>();
        var definition = new ChaliceAppDefinition(testApp.Name, testApp.Routes, testApp.CreateApp)
        {
            Functions = testApp.Functions,
            ConfigureServices = testApp.ConfigureServices,
            JsonResolver = testApp.JsonResolver,
            Middleware = Enumerable.Range(0, Middlewares)
                .Select(i => new MiddlewareDefinition($"Noop{i}", MiddlewareKinds.Http) { Http = static (_, context, next) => next(context.Request) })
                .ToArray(),
        };
        _app = ChaliceApplication.Create(definition);
        _event = new ChaliceTestClient(_app).CreateEventJson("GET", "/users/42?verbose=true", [new("Accept", "application/json")])!;
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public ValueTask<byte[]> RestV1GetUser() => _app.Dispatcher.DispatchAsync(_event);

    private static ChaliceAppDefinition DefinitionOf<TApp>() where TApp : IChaliceApp => TApp.Definition;
}
