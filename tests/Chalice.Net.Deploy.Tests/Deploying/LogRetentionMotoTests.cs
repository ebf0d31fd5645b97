using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>log_retention_in_days</c> deployed to moto with the real clients and read back with the AWS CLI: the function's
/// log group has that retention, a no-op redeploy makes no mutating call, and delete removes the retention but keeps
/// the group and its logs (Chalice's sweeper deletes only the retention policy). Requests are checked against the model.
/// </summary>
public sealed class LogRetentionMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private DeployHarness _harness = null!;

    private const string Config = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_stage": "api", "log_retention_in_days": 14 } } }""";

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, configJson: Config);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task The_functions_log_group_has_the_retention_and_delete_keeps_its_logs()
    {
        var app = (await apps.S3Test).WithoutCors();

        await _harness.DeployAsync(_harness.Spec(app));

        var group = await LogGroupAsync();
        Assert.Equal(14, group.GetProperty("retentionInDays").GetInt32());
        var (_, noop) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Equal(0, noop.MutatingCalls);

        await _harness.DeleteAsync();
        Assert.False((await LogGroupAsync()).TryGetProperty("retentionInDays", out _));
    }

    private async Task<System.Text.Json.JsonElement> LogGroupAsync() =>
        (await AwsCli.RunAsync(moto, "logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/s3test-dev"))
            .GetProperty("logGroups").EnumerateArray().Single();
}
