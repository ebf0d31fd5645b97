using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The deployer waits as AWS needs (moto never makes it): after creating a function until it is Active, and after an
/// update until LastUpdateStatus is Successful before the next update.
/// </summary>
public sealed class LambdaWaitTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task A_pending_function_is_waited_for_before_the_api_is_wired_to_it()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        using var harness = new DeployHarness(moto.Endpoint, new LambdaStateRewriter { Polls = 2 });

        var (_, calls) = await harness.DeployAsync(harness.Spec(await apps.S3Test));

        var lambda = LambdaOperations(calls);
        Assert.Equal(["CreateFunction", "GetFunctionConfiguration", "GetFunctionConfiguration", "GetFunctionConfiguration"], lambda[1..5]);
        Assert.Equal("AddPermission", lambda[^1]);
    }

    [Fact]
    public async Task An_update_in_progress_is_waited_for_before_the_next_update()
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        var app = await apps.S3Test;
        using var harness = new DeployHarness(moto.Endpoint, new LambdaStateRewriter { Polls = 1 });
        await harness.DeployAsync(harness.Spec(app));
        harness.ConfigJson = """{ "stages": { "dev": { "lambda_memory_size": 1024 } } }""";

        var (_, calls) = await harness.DeployAsync(harness.Spec(harness.WithChangedCode(app)));

        // Planning reads first; then the code update, polls until it finished, and only then the configuration update.
        Assert.Equal(["GetFunction", "GetPolicy", "UpdateFunctionCode", "GetFunctionConfiguration", "GetFunctionConfiguration", "UpdateFunctionConfiguration"],
            LambdaOperations(calls));
    }

    private static List<string> LambdaOperations(Chalice.Deploy.Aws.AwsCallRecorder calls) =>
        [.. calls.Attempts.Where(a => a.Attempt == 1 && a.Service == "Lambda").Select(a => a.Operation.Name)];
}
