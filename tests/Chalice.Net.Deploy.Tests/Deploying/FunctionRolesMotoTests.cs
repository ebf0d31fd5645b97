using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Policy;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// samples/Uploads, whose four functions call different services, deployed to moto with the policies the analysis
/// infers per function (the real loader), and read back with the AWS CLI: each function runs as its own role, and each
/// role's inline policy is that function's own (issue 16's acceptance). A no-op redeploy makes no mutating call, and
/// delete leaves no role.
/// </summary>
public sealed class FunctionRolesMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Config = """{ "app_name": "uploads", "environment_variables": { "RETENTION_HOURS": "168" }, "stages": { "dev": { "api_gateway_stage": "api" } } }""";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, appName: "uploads", configJson: Config);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task Each_function_runs_as_its_own_role_whose_policy_is_what_its_handler_calls()
    {
        var app = (await apps.Uploads).WithoutCors();
        await AwsCli.RunAsync(moto, "s3api", "create-bucket", "--bucket", "chalice-uploads");
        await AwsCli.RunAsync(moto, "sqs", "create-queue", "--queue-name", "uploads-to-summarise");
        var config = ChaliceConfig.Parse(Config);
        var inferred = await PolicyGenerator.GenerateFunctionsAsync(app.Project.Directory,
            function => new PolicySettings { EnvironmentVariables = config.ForStage("dev", function).EnvironmentVariables }, [], TestContext.Current.CancellationToken);
        var spec = _harness.Spec(app) with
        {
            Policy = _ => Task.FromResult(new FunctionPolicies(inferred.ToDictionary(p => p.Key, p => p.Value.Json))),
        };

        var (_, first) = await _harness.DeployAsync(spec);

        // Every function runs as the role named after it.
        foreach (var (function, role) in Roles)
        {
            var configuration = await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", role);
            Assert.Equal($"arn:aws:iam::123456789012:role/{role}", configuration.GetProperty("Role").GetString());
            Assert.True(inferred.ContainsKey(function), function);
        }
        // Each role's policy is its function's, as IAM answers it: the upload route writes uploads and reads summaries,
        // the S3 handler only queues, the SQS handler reads uploads and writes summaries (and Lambda polls its queue),
        // the schedule lists and deletes.
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Actions(await RolePolicyAsync("uploads-dev")));
        Assert.Equal(["sqs:GetQueueUrl", "sqs:SendMessage"], Actions(await RolePolicyAsync("uploads-dev-Uploaded")));
        Assert.Equal(["s3:GetObject", "s3:PutObject", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
            Actions(await RolePolicyAsync("uploads-dev-Summarise")));
        Assert.Equal(["s3:DeleteObject", "s3:ListBucket"], Actions(await RolePolicyAsync("uploads-dev-CleanUp")));
        var polling = (await RolePolicyAsync("uploads-dev-Summarise"))["Statement"]!.AsArray().Single(s => s!["Sid"]?.GetValue<string>() == "ChaliceNetEventSourceSummarise");
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:uploads-to-summarise", polling!["Resource"]!.GetValue<string>());

        var (_, noop) = await _harness.DeployAsync(spec);
        Assert.Equal(0, noop.MutatingCalls);

        var delete = await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "iam", "list-roles")).GetProperty("Roles").EnumerateArray());
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"Uploads against moto: first deploy {first.ReadCalls + first.MutatingCalls} calls ({first.MutatingCalls} mutating), " +
            $"no-op {noop.ReadCalls} reads, delete {delete.ReadCalls + delete.MutatingCalls} calls ({delete.MutatingCalls} mutating)");
    }

    private static (string Function, string Role)[] Roles =>
        [("api_handler", "uploads-dev"), ("Uploaded", "uploads-dev-Uploaded"), ("Summarise", "uploads-dev-Summarise"), ("CleanUp", "uploads-dev-CleanUp")];

    /// <summary>The role's inline policy (named after the role), as <c>aws iam get-role-policy</c> prints it.</summary>
    private async Task<JsonNode> RolePolicyAsync(string role) =>
        JsonNode.Parse((await AwsCli.RunAsync(moto, "iam", "get-role-policy", "--role-name", role, "--policy-name", role)).GetProperty("PolicyDocument").GetRawText())!;

    /// <summary>Every action the policy allows, besides Chalice's CloudWatch Logs statement, sorted.</summary>
    private static string[] Actions(JsonNode policy) =>
        [.. policy["Statement"]!.AsArray()
            .Where(s => s!["Sid"]?.GetValue<string>() != "CloudWatchLogs")
            .SelectMany(s => s!["Action"] is JsonArray actions ? actions.Select(a => a!.GetValue<string>()) : [s["Action"]!.GetValue<string>()])
            .Order(StringComparer.Ordinal)];
}
