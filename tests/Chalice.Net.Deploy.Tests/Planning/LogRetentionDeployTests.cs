using Chalice.Deploy.Manifest;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// <c>log_retention_in_days</c> against CloudWatch Logs in memory: each function's group <c>/aws/lambda/{function}</c>
/// with its own retention, converging (a no-op redeploy changes nothing, a group Lambda already made is adopted), and
/// when the setting goes, only the retention is removed: the group and its logs stay, as Chalice's sweeper does.
/// </summary>
public sealed class LogRetentionDeployTests : IDisposable
{
    private readonly InMemoryStage _stage = new() { Functions = [new PureFunctionManifest("add", "Add")] };

    private InMemoryLogs Logs => _stage.Aws.FakeLogs;

    [Fact]
    public async Task Each_functions_log_group_gets_its_own_retention_and_a_redeploy_changes_nothing()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "log_retention_in_days": 14, "lambda_functions": { "add": { "log_retention_in_days": 30 } }, "stages": { "dev": { } } }""";

        var (first, calls) = await _stage.DeployAsync();

        Assert.Equal([("/aws/lambda/s3test-dev", 14), ("/aws/lambda/s3test-dev-add", 30)], await RetentionsAsync());
        Assert.Equal(2, calls.MutatingOperations.Count(o => o == "CloudWatch Logs CreateLogGroup"));
        Assert.Equal(["add-log-group", "api_handler-log-group"],
            first.State.Resources.OfType<Chalice.Deploy.State.DeployedLogGroup>().Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_group_Lambda_already_made_is_adopted_and_only_its_retention_is_set()
    {
        Logs.Write("/aws/lambda/s3test-dev", "2026/11/30/[$LATEST]1", DateTimeOffset.UtcNow, "START");
        Logs.Write("/aws/lambda/s3test-dev-add", "2026/11/30/[$LATEST]2", DateTimeOffset.UtcNow, "START");
        _stage.ConfigJson = """{ "app_name": "s3test", "log_retention_in_days": 7, "stages": { "dev": { } } }""";

        var (_, calls) = await _stage.DeployAsync();

        Assert.DoesNotContain("CloudWatch Logs CreateLogGroup", calls.MutatingOperations);
        Assert.Equal(["CloudWatch Logs PutRetentionPolicy", "CloudWatch Logs PutRetentionPolicy"],
            calls.MutatingOperations.Where(o => o.StartsWith("CloudWatch", StringComparison.Ordinal)));
        Assert.Equal([("/aws/lambda/s3test-dev", 7), ("/aws/lambda/s3test-dev-add", 7)], await RetentionsAsync());
    }

    [Fact]
    public async Task A_changed_retention_is_put_again_and_a_removed_one_is_deleted_keeping_the_group()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "log_retention_in_days": 14, "stages": { "dev": { } } }""";
        await _stage.DeployAsync();

        _stage.ConfigJson = """{ "app_name": "s3test", "log_retention_in_days": 90, "stages": { "dev": { } } }""";
        var (_, changed) = await _stage.DeployAsync();
        Assert.Equal(["CloudWatch Logs PutRetentionPolicy", "CloudWatch Logs PutRetentionPolicy"], changed.MutatingOperations);
        Assert.Equal([("/aws/lambda/s3test-dev", 90), ("/aws/lambda/s3test-dev-add", 90)], await RetentionsAsync());

        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { } } }""";
        var (removed, calls) = await _stage.DeployAsync();
        Assert.Equal(["CloudWatch Logs DeleteRetentionPolicy", "CloudWatch Logs DeleteRetentionPolicy"], calls.MutatingOperations);
        Assert.Equal([("/aws/lambda/s3test-dev", (int?)null), ("/aws/lambda/s3test-dev-add", null)], await RetentionsAsync());
        Assert.Empty(removed.State.Resources.OfType<Chalice.Deploy.State.DeployedLogGroup>());
    }

    [Fact]
    public async Task Delete_removes_the_retention_and_keeps_the_logs()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "log_retention_in_days": 14, "stages": { "dev": { } } }""";
        await _stage.DeployAsync();

        await _stage.DeleteAsync();

        Assert.Equal([("/aws/lambda/s3test-dev", (int?)null), ("/aws/lambda/s3test-dev-add", null)], await RetentionsAsync());
    }

    public void Dispose() => _stage.Dispose();

    private async Task<(string, int?)[]> RetentionsAsync() =>
        [.. (await Logs.DescribeLogGroupsAsync("/aws/lambda/", TestContext.Current.CancellationToken)).Select(g => (g.LogGroupName, g.RetentionInDays))];
}
