using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>The Lambda waiter against scripted GetFunctionConfiguration answers (moto's functions are Active at once).</summary>
public sealed class LambdaWaiterTests : IDisposable
{
    private readonly List<TimeSpan> _pauses = [];
    private readonly List<AwsClients> _clients = [];

    private static string Configuration(string state, string updateStatus, string? reason = null, string? code = null) =>
        $$"""{"FunctionName":"f","State":"{{state}}","LastUpdateStatus":"{{updateStatus}}","StateReason":{{Json(reason)}},"StateReasonCode":{{Json(code)}},"LastUpdateStatusReason":{{Json(reason)}},"LastUpdateStatusReasonCode":{{Json(code)}}}""";

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";

    private LambdaFunctionWaiter Waiter(ScriptedHandler handler, LambdaWaiterOptions? options = null)
    {
        var clients = ModelConformanceTests.LocalClients(handler);
        _clients.Add(clients);
        return new LambdaFunctionWaiter(clients.Lambda, (pause, _) =>
        {
            _pauses.Add(pause);
            return Task.CompletedTask;
        }, options);
    }

    [Fact]
    public async Task Pending_then_active_succeeds_after_backing_off()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Configuration("Pending", "InProgress"))
            .Then(HttpStatusCode.OK, Configuration("Pending", "InProgress"))
            .Then(HttpStatusCode.OK, Configuration("Pending", "InProgress"))
            .Then(HttpStatusCode.OK, Configuration("Active", "Successful"));

        var configuration = await Waiter(handler).WaitUntilActiveAsync("f", TestContext.Current.CancellationToken);

        Assert.Equal("Active", configuration.State);
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/2015-03-31/functions/f/configuration", r.Uri.AbsolutePath));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.25)], _pauses);
    }

    [Fact]
    public async Task In_progress_then_successful_succeeds()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Configuration("Active", "InProgress"))
            .Then(HttpStatusCode.OK, Configuration("Active", "Successful"));

        var configuration = await Waiter(handler).WaitUntilUpdatedAsync("f", TestContext.Current.CancellationToken);

        Assert.Equal("Successful", configuration.LastUpdateStatus);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_failed_function_fails_with_lambdas_reason()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Configuration("Pending", "InProgress"))
            .Then(HttpStatusCode.OK, Configuration("Failed", "Failed", "The function could not be created: bad image", "InvalidImage"));

        var error = await Assert.ThrowsAsync<LambdaFunctionStateException>(() =>
            Waiter(handler).WaitUntilActiveAsync("f", TestContext.Current.CancellationToken));

        Assert.Equal("Lambda function 'f' did not become active: it is Failed: The function could not be created: bad image (InvalidImage)", error.Message);
        Assert.Equal("InvalidImage", error.ReasonCode);
    }

    [Fact]
    public async Task A_failed_update_fails_with_lambdas_reason()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Configuration("Active", "Failed", "Unzipped size must be smaller than 262144000 bytes", "InvalidZipFileException"));

        var error = await Assert.ThrowsAsync<LambdaFunctionStateException>(() =>
            Waiter(handler).WaitUntilUpdatedAsync("f", TestContext.Current.CancellationToken));

        Assert.Contains("did not finish updating: it is Failed: Unzipped size must be smaller", error.Message);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout()
    {
        var handler = new ScriptedHandler { Fallback = _ => ScriptedHandler.Response(HttpStatusCode.OK, Configuration("Pending", "InProgress")) };

        var error = await Assert.ThrowsAsync<LambdaFunctionStateException>(() =>
            Waiter(handler, new LambdaWaiterOptions { Timeout = TimeSpan.FromSeconds(20) }).WaitUntilActiveAsync("f", TestContext.Current.CancellationToken));

        Assert.Equal("Lambda function 'f' did not become active within 20 s; it is still Pending.", error.Message);
        Assert.True(_pauses.Sum(p => p.TotalSeconds) <= 20);
        Assert.Equal(TimeSpan.FromSeconds(5), _pauses.Max());
    }

    public void Dispose() => _clients.ForEach(c => c.Dispose());
}
