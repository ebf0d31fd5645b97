using System.Text;
using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Lambda;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Tests;

/// <summary>
/// The dispatcher's path for functions besides the API, with hand-written definitions: what every host (the Lambda
/// runtime, the test client, chalice-net invoke) gets from <see cref="ChaliceDispatcher.InvokeAsync(string, ReadOnlyMemory{byte}, ILambdaContext?, CancellationToken)"/>.
/// </summary>
public sealed class FunctionDispatchTests
{
    [Fact]
    public async Task Each_invocation_has_its_own_scope_disposed_when_it_ends()
    {
        var seen = new List<(Scoped First, Scoped Second)>();
        var definition = Definition(new FunctionDefinition("scoped", "Scoped", null, (_, context) =>
        {
            seen.Add((context.Services.GetRequiredService<Scoped>(), context.Services.GetRequiredService<Scoped>()));
            return ValueTask.FromResult<object?>(null);
        }), services => services.AddScoped<Scoped>());
        await using var app = ChaliceApplication.Create(definition);

        await app.Dispatcher.InvokeAsync("scoped", "{}"u8.ToArray());
        await app.Dispatcher.InvokeAsync("scoped", "{}"u8.ToArray());

        Assert.Equal(2, seen.Count);
        Assert.Same(seen[0].First, seen[0].Second);
        Assert.NotSame(seen[0].First, seen[1].First);
        Assert.True(seen[0].First.Disposed && seen[1].First.Disposed);
    }

    [Fact]
    public async Task The_handler_gets_the_invocations_context_and_token()
    {
        (ILambdaContext Context, CancellationToken Token)? seen = null;
        var definition = Definition(new FunctionDefinition("context", "Context", null, (_, context) =>
        {
            seen = (context.LambdaContext, context.CancellationToken);
            return ValueTask.FromResult<object?>("done");
        }));
        await using var app = ChaliceApplication.Create(definition);
        using var cancellation = new CancellationTokenSource();
        var lambdaContext = new LambdaContext("req-7", DateTimeOffset.UtcNow.AddSeconds(3)) { FunctionName = "app-dev-context" };

        var result = await app.Dispatcher.InvokeAsync("context", "{}"u8.ToArray(), lambdaContext, cancellation.Token);

        Assert.Equal("\"done\"", Encoding.UTF8.GetString(result));
        Assert.Same(lambdaContext, seen!.Value.Context);
        Assert.Equal(cancellation.Token, seen.Value.Token);
    }

    [Fact]
    public async Task Without_a_lambda_runtime_the_context_is_a_local_one_with_chalices_default_timeout()
    {
        ILambdaContext? seen = null;
        var definition = Definition(new FunctionDefinition("local", "Local", null, (_, context) =>
        {
            seen = context.LambdaContext;
            return ValueTask.FromResult<object?>(null);
        }));
        await using var app = ChaliceApplication.Create(definition);

        var result = await app.Dispatcher.InvokeAsync("local", "{}"u8.ToArray());

        Assert.Equal("null", Encoding.UTF8.GetString(result));
        Assert.True(Guid.TryParse(seen!.AwsRequestId, out _));
        Assert.Equal("app-local", seen.FunctionName);
        Assert.InRange(seen.RemainingTime, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_handlers_exception_is_the_invocations_error()
    {
        var definition = Definition(new FunctionDefinition("fail", "Fail", null, (_, _) => throw new TimeoutException("upstream")));
        await using var app = ChaliceApplication.Create(definition);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => app.Dispatcher.InvokeAsync("fail", "{}"u8.ToArray()).AsTask());
        Assert.Equal("upstream", error.Message);
    }

    [Fact]
    public async Task A_result_without_JSON_metadata_says_how_to_declare_it()
    {
        var definition = Definition(new FunctionDefinition("odd", "Odd", null, (_, _) => ValueTask.FromResult<object?>(new Scoped())));
        await using var app = ChaliceApplication.Create(definition);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Dispatcher.InvokeAsync("odd", "{}"u8.ToArray()).AsTask());
        Assert.Equal(
            "The result of the function 'odd', a Chalice.Tests.FunctionDispatchTests+Scoped, has no JSON metadata. Add " +
            "[JsonSerializable(typeof(Scoped))] to a JsonSerializerContext in the app.", error.Message);
    }

    [Fact]
    public async Task Function_names_list_the_API_first()
    {
        var definition = Definition(new FunctionDefinition("b", "B", null, (_, _) => default), new FunctionDefinition("a", "A", null, (_, _) => default));
        await using var app = ChaliceApplication.Create(definition);

        Assert.Equal(["api_handler", "b", "a"], app.Dispatcher.FunctionNames);
        var error = Assert.Throws<UnknownFunctionException>(() => app.Dispatcher.InvokeAsync("c", "{}"u8.ToArray()));
        Assert.Equal("'c' names no function of the app 'app'; its functions are api_handler, b, a.", error.Message);
    }

    private static ChaliceAppDefinition Definition(FunctionDefinition function, Action<IServiceCollection>? services = null) =>
        new("app", [], _ => new object()) { Functions = [function], ConfigureServices = services };

    private static ChaliceAppDefinition Definition(params FunctionDefinition[] functions) =>
        new("app", [], _ => new object()) { Functions = functions };

    private sealed class Scoped : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
