using System.Text.Json;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// tests/TestApps/EventsApp (one function of every kind) deployed to moto with the real clients, and checked from the
/// outside with the AWS CLI: every function with its handler and settings, every rule and target, mapping,
/// subscription, notification entry and permission; a no-op redeploy makes no mutating call; delete removes what the
/// app made and keeps a bucket's other notification. Every request sent is validated against the botocore model.
/// </summary>
public sealed class EventsAppMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Config = """
        { "app_name": "eventsapp",
          "stages": { "dev": { "lambda_functions": { "settings": { "lambda_memory_size": 256, "environment_variables": { "EVENTSAPP_GREETING": "hi" } } } } } }
        """;

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, appName: "eventsapp", configJson: Config);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task Every_function_and_event_source_deploys_converges_and_deletes_as_the_AWS_CLI_sees_it()
    {
        var app = await SourcesExistAsync(await apps.EventsApp);
        await AwsCli.RunAsync(moto, "s3api", "put-bucket-notification-configuration", "--bucket", "uploads", "--notification-configuration",
            """{"QueueConfigurations":[{"Id":"audit","QueueArn":"arn:aws:sqs:us-east-1:123456789012:orders","Events":["s3:ObjectRemoved:*"]}]}""");

        var (_, first) = await _harness.DeployAsync(_harness.Spec(app));

        // A function per app function, selected on the managed runtime by CHALICE_FUNCTION, with its own settings.
        var settings = (await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "eventsapp-dev-settings"));
        Assert.Equal("EventsApp", settings.GetProperty("Handler").GetString());
        Assert.Equal(256, settings.GetProperty("MemorySize").GetInt32());
        var variables = settings.GetProperty("Environment").GetProperty("Variables");
        Assert.Equal(("settings", "hi"), (variables.GetProperty("CHALICE_FUNCTION").GetString(), variables.GetProperty("EVENTSAPP_GREETING").GetString()));
        var functions = (await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray()
            .Select(f => f.GetProperty("FunctionName").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(
            app.Manifest.Functions.Select(f => f is ApiFunctionManifest ? "eventsapp-dev" : $"eventsapp-dev-{f.Name}").Order(StringComparer.Ordinal),
            functions);

        // Rules with their target and EventBridge's permission for that rule.
        var rule = await AwsCli.RunAsync(moto, "events", "describe-rule", "--name", "eventsapp-dev-every_five_minutes-event");
        Assert.Equal("rate(5 minutes)", rule.GetProperty("ScheduleExpression").GetString());
        var target = (await AwsCli.RunAsync(moto, "events", "list-targets-by-rule", "--rule", "eventsapp-dev-InstanceStopped-event"))
            .GetProperty("Targets").EnumerateArray().Single();
        Assert.EndsWith(":function:eventsapp-dev-InstanceStopped", target.GetProperty("Arn").GetString(), StringComparison.Ordinal);
        Assert.Contains(rule.GetProperty("Arn").GetString()!, await PolicyAsync("eventsapp-dev-every_five_minutes"), StringComparison.Ordinal);

        // Mappings with the handlers' settings.
        var mappings = (await AwsCli.RunAsync(moto, "lambda", "list-event-source-mappings")).GetProperty("EventSourceMappings").EnumerateArray().ToArray();
        Assert.Equal(3, mappings.Length);
        var sqs = mappings.Single(m => m.GetProperty("EventSourceArn").GetString()!.Contains(":sqs:", StringComparison.Ordinal));
        Assert.Equal(10, sqs.GetProperty("BatchSize").GetInt32());
        Assert.Equal(["ReportBatchItemFailures"], sqs.GetProperty("FunctionResponseTypes").EnumerateArray().Select(t => t.GetString()));

        // The subscription, and SNS's permission for that topic.
        var subscription = (await AwsCli.RunAsync(moto, "sns", "list-subscriptions-by-topic", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:alerts"))
            .GetProperty("Subscriptions").EnumerateArray().Single();
        Assert.Equal("lambda", subscription.GetProperty("Protocol").GetString());
        Assert.Contains("arn:aws:sns:us-east-1:123456789012:alerts", await PolicyAsync("eventsapp-dev-alert"), StringComparison.Ordinal);

        // The bucket's entry beside the queue entry that was there, and S3's permission for the bucket.
        var notifications = await AwsCli.RunAsync(moto, "s3api", "get-bucket-notification-configuration", "--bucket", "uploads");
        var entry = notifications.GetProperty("LambdaFunctionConfigurations").EnumerateArray().Single();
        Assert.EndsWith(":function:eventsapp-dev-Resize", entry.GetProperty("LambdaFunctionArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("audit", notifications.GetProperty("QueueConfigurations").EnumerateArray().Single().GetProperty("Id").GetString());
        Assert.Contains("arn:aws:s3:::uploads", await PolicyAsync("eventsapp-dev-Resize"), StringComparison.Ordinal);

        var (_, noop) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Equal(0, noop.MutatingCalls);

        var delete = await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "events", "list-rules")).GetProperty("Rules").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-event-source-mappings")).GetProperty("EventSourceMappings").EnumerateArray());
        var left = await AwsCli.RunAsync(moto, "s3api", "get-bucket-notification-configuration", "--bucket", "uploads");
        Assert.False(left.TryGetProperty("LambdaFunctionConfigurations", out _));
        Assert.Equal("audit", left.GetProperty("QueueConfigurations").EnumerateArray().Single().GetProperty("Id").GetString());

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"EventsApp against moto: first deploy {first.ReadCalls + first.MutatingCalls} calls ({first.MutatingCalls} mutating), " +
            $"no-op {noop.ReadCalls} reads, delete {delete.ReadCalls + delete.MutatingCalls} calls ({delete.MutatingCalls} mutating)");
    }

    private async Task<string> PolicyAsync(string function) =>
        (await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", function)).GetProperty("Policy").GetString()!;

    /// <summary>
    /// The queue, topic, bucket and streams the app's handlers name, made as their owner would; the DynamoDB handler
    /// names its stream by ARN, whose label moto picks, so the app is deployed with the stream moto made.
    /// </summary>
    private async Task<PackagedApp> SourcesExistAsync(PackagedApp app)
    {
        await AwsCli.RunAsync(moto, "sqs", "create-queue", "--queue-name", "orders");
        await AwsCli.RunAsync(moto, "sns", "create-topic", "--name", "alerts");
        await AwsCli.RunAsync(moto, "s3api", "create-bucket", "--bucket", "uploads");
        await AwsCli.RunAsync(moto, "kinesis", "create-stream", "--stream-name", "clicks", "--shard-count", "1");
        var table = await AwsCli.RunAsync(moto, "dynamodb", "create-table", "--table-name", "orders",
            "--attribute-definitions", "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST", "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_IMAGE");
        var streamArn = table.GetProperty("TableDescription").GetProperty("LatestStreamArn").GetString()!;
        return app with
        {
            Manifest = app.Manifest with
            {
                Functions = [.. app.Manifest.Functions.Select(f => f is DynamoDBFunctionManifest dynamo ? dynamo with { StreamArn = streamArn } : f)],
                Routes = [.. app.Manifest.Routes.Select(r => r with { Cors = null })],
            },
        };
    }
}
