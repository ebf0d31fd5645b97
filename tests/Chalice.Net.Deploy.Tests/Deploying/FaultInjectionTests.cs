using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// A loopback proxy between the deployer and moto fails request k of a first deploy, for every k, with each kind of
/// fault, with and without the clients' retries. Each run must end with a completed deploy or a clear error, and a
/// rerun must converge on exactly one role, function and API, wired together, with nothing left over after a delete.
/// </summary>
public sealed class FaultInjectionTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>
{
    public static TheoryData<ProxyFault, bool> Cases => new()
    {
        { ProxyFault.ConnectionReset, true },
        { ProxyFault.InternalServerError, true },
        { ProxyFault.Throttling, true },
        { ProxyFault.ConnectionReset, false },
        { ProxyFault.InternalServerError, false },
        { ProxyFault.Throttling, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_request_of_a_deploy_can_fail_and_a_rerun_converges(ProxyFault fault, bool retries)
    {
        moto.EnsureAvailable();
        var app = (await apps.TestApp).WithoutCors();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        var retry = retries ? new AwsRetryOptions() : new AwsRetryOptions { MaxAttempts = 1 };

        await moto.ResetAsync();
        var clean = await DeployOnceAsync(moto, proxy, app, retry, fault: null);
        var requests = clean.Requests;
        Assert.True(requests >= 8, $"a first deploy made only {requests} requests");

        var outcomes = new List<string>();
        for (var k = 1; k <= requests; k++)
        {
            await moto.ResetAsync();
            var run = await DeployOnceAsync(moto, proxy, app, retry, (k, fault));
            outcomes.Add($"k={k}: {run.Outcome}");
        }

        // With retries every fault is absorbed; without, most surface as errors (a lost CreateRestApi answer is
        // still reconciled by looking the API up by name).
        if (retries)
            Assert.All(outcomes, o => Assert.EndsWith("completed", o, StringComparison.Ordinal));
        else
            Assert.True(outcomes.Count(o => o.Contains(": failed: ", StringComparison.Ordinal)) >= requests / 2, string.Join('\n', outcomes));
    }

    private static async Task<(int Requests, string Outcome)> DeployOnceAsync(
        MotoServer moto, FaultInjectingProxy proxy, PackagedApp app, AwsRetryOptions retry, (int Request, ProxyFault Kind)? fault)
    {
        using var harness = new DeployHarness(proxy.Endpoint) { AppName = "testapp" };
        var before = proxy.Requests.Count;
        if (fault is { } f)
            proxy.FailRequest(before + f.Request, f.Kind);

        string outcome;
        var recorder = new AwsCallRecorder();
        try
        {
            await new Deployer(harness.Clients(recorder, retry), harness.Store).DeployAsync(harness.Spec(app), cancellationToken: TestContext.Current.CancellationToken);
            outcome = "completed";
        }
        catch (Exception e) when (e is AwsServiceException or LambdaFunctionStateException)
        {
            // A clear error: one line naming the service and operation, no stack trace in the message.
            Assert.DoesNotContain('\n', e.Message);
            Assert.Matches(@"^(IAM|Lambda|API Gateway) \w+ failed: ", e.Message);
            outcome = "failed: " + e.Message;
        }
        var requests = proxy.Requests.Count - before;
        if (fault is { } injected)
            Assert.Equal(injected.Kind, proxy.Requests.Single(r => r.Number == before + injected.Request).Fault);

        // The rerun converges: one of each, wired together, and a third deploy has nothing left to do.
        var (rerun, _) = await harness.DeployAsync(harness.Spec(app));
        var (third, thirdCalls) = await harness.DeployAsync(harness.Spec(app));
        Assert.Equal(0, thirdCalls.MutatingCalls);
        await AssertConvergedAsync(moto, harness, rerun.State);
        Assert.Equal(rerun.State.Resources, third.State.Resources);

        await harness.DeleteAsync();
        await AssertNothingLeftAsync(harness);
        ModelConformance.AssertConform(harness.Capture.Requests);
        return (requests, outcome);
    }

    private static async Task AssertConvergedAsync(MotoServer moto, DeployHarness harness, DeployedState state)
    {
        using var clients = harness.Clients(new AwsCallRecorder());
        var ct = TestContext.Current.CancellationToken;
        var api = Assert.Single(await clients.ApiGateway.GetRestApisAsync(ct));
        Assert.Equal(api.Id, state.Find<DeployedRestApi>()!.RestApiId);
        var role = await clients.Iam.GetRoleAsync("testapp-dev", ct);
        var function = await clients.Lambda.GetFunctionAsync("testapp-dev", ct);
        Assert.NotNull(role);
        Assert.NotNull(function);
        Assert.Equal(role.Arn, function.Configuration.Role);
        var policy = await clients.Lambda.GetPolicyAsync("testapp-dev", ct);
        Assert.Contains($":{api.Id}/*", policy!.Policy, StringComparison.Ordinal);
        var stages = await AwsCli.RunAsync(moto, "apigateway", "get-stages", "--rest-api-id", api.Id);
        Assert.Single(stages.GetProperty("item").EnumerateArray());
    }

    private static async Task AssertNothingLeftAsync(DeployHarness harness)
    {
        using var clients = harness.Clients(new AwsCallRecorder());
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty(await clients.ApiGateway.GetRestApisAsync(ct));
        Assert.Null(await clients.Iam.GetRoleAsync("testapp-dev", ct));
        Assert.Null(await clients.Lambda.GetFunctionAsync("testapp-dev", ct));
        Assert.Null(harness.Store.Load("dev"));
    }
}
