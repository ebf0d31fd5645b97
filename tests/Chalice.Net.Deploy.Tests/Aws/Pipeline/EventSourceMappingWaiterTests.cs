using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>
/// The event source mapping waiter against scripted GetEventSourceMapping answers: moto's mappings are Enabled at once,
/// AWS's go through Creating, Updating and Deleting (the model's State).
/// </summary>
public sealed class EventSourceMappingWaiterTests : IDisposable
{
    private readonly List<TimeSpan> _pauses = [];
    private readonly List<AwsClients> _clients = [];

    private static string Mapping(string state) => $$"""{"UUID":"m-1","State":"{{state}}","StateTransitionReason":"USER_INITIATED"}""";

    private static readonly string s_notFound = """{"Type":"User","Message":"The resource you requested does not exist."}""";

    private EventSourceMappingWaiter Waiter(ScriptedHandler handler, LambdaWaiterOptions? options = null)
    {
        var clients = ModelConformanceTests.LocalClients(handler);
        _clients.Add(clients);
        return new EventSourceMappingWaiter(clients.Lambda, (pause, _) =>
        {
            _pauses.Add(pause);
            return Task.CompletedTask;
        }, options);
    }

    [Fact]
    public async Task Creating_then_enabled_is_stable_after_backing_off()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Mapping("Creating"))
            .Then(HttpStatusCode.OK, Mapping("Enabling"))
            .Then(HttpStatusCode.OK, Mapping("Enabled"));

        var mapping = await Waiter(handler).WaitUntilStableAsync("m-1", TestContext.Current.CancellationToken);

        Assert.Equal("Enabled", mapping.State);
        Assert.All(handler.Requests, r => Assert.Equal("/2015-03-31/event-source-mappings/m-1", r.Uri.AbsolutePath));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)], _pauses);
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Updating_then_disabled_is_stable()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, Mapping("Updating")).Then(HttpStatusCode.OK, Mapping("Disabled"));

        Assert.Equal("Disabled", (await Waiter(handler).WaitUntilStableAsync("m-1", TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task A_mapping_being_deleted_never_becomes_stable()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, Mapping("Deleting"));

        var error = await Assert.ThrowsAsync<EventSourceMappingStateException>(() =>
            Waiter(handler).WaitUntilStableAsync("m-1", TestContext.Current.CancellationToken));

        Assert.Equal("Event source mapping m-1 is being deleted.", error.Message);
        Assert.Equal("Deleting", error.State);
    }

    [Fact]
    public async Task A_missing_mapping_is_an_error_when_waiting_for_it_to_settle()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound, s_notFound, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")]);

        var error = await Assert.ThrowsAsync<EventSourceMappingStateException>(() =>
            Waiter(handler).WaitUntilStableAsync("m-1", TestContext.Current.CancellationToken));

        Assert.Null(error.State);
    }

    [Fact]
    public async Task Deleting_then_gone_ends_the_wait_for_deletion()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.OK, Mapping("Deleting"))
            .Then(HttpStatusCode.OK, Mapping("Deleting"))
            .Then(HttpStatusCode.NotFound, s_notFound, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")]);

        await Waiter(handler).WaitUntilDeletedAsync("m-1", TestContext.Current.CancellationToken);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, _pauses.Count);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout()
    {
        var handler = new ScriptedHandler { Fallback = _ => ScriptedHandler.Response(HttpStatusCode.OK, Mapping("Creating")) };

        var error = await Assert.ThrowsAsync<EventSourceMappingStateException>(() =>
            Waiter(handler, new LambdaWaiterOptions { Timeout = TimeSpan.FromSeconds(12) }).WaitUntilStableAsync("m-1", TestContext.Current.CancellationToken));

        Assert.Equal("Event source mapping m-1 did not settle within 12 s; it is still Creating.", error.Message);
        Assert.True(_pauses.Sum(p => p.TotalSeconds) <= 12);
    }

    public void Dispose() => _clients.ForEach(c => c.Dispose());
}
