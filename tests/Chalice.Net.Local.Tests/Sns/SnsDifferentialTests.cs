using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using Chalice.Local.Sns;
using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;
using Chalice.Tests;

namespace Chalice.Local.Tests.Sns;

/// <summary>
/// Runs the same SNS scenarios through the AWS CLI against moto and against the SNS stand-in (delivering to the SQS
/// stand-in), reading what reached the queues with AWSSDK.SQS, and requires identical transcripts.
/// </summary>
public sealed class SnsDifferentialTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:orders";
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:order-events";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Topic_lifecycle_attributes_and_errors()
    {
        var transcript = await AssertSameAsync(async (sns, _, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("create again", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("create second", sns, "sns", "create-topic", "--name", "audit");
            await t.CliAsync("list", sns, "sns", "list-topics");
            await t.CliAsync("attributes", sns, "sns", "get-topic-attributes", "--topic-arn", Topic);
            await t.CliAsync("set display name", sns, "sns", "set-topic-attributes", "--topic-arn", Topic, "--attribute-name", "DisplayName", "--attribute-value", "Orders");
            await t.CliAsync("attributes after", sns, "sns", "get-topic-attributes", "--topic-arn", Topic);
            await t.CliAsync("invalid name", sns, "sns", "create-topic", "--name", "not valid");
            await t.CliAsync("delete", sns, "sns", "delete-topic", "--topic-arn", Topic);
            await t.CliAsync("attributes of deleted", sns, "sns", "get-topic-attributes", "--topic-arn", Topic);
            await t.CliAsync("delete again", sns, "sns", "delete-topic", "--topic-arn", Topic);
            await t.CliAsync("publish to deleted", sns, "sns", "publish", "--topic-arn", Topic, "--message", "x");
            await t.CliAsync("list after", sns, "sns", "list-topics");
        });
        Assert.Contains("attributes of deleted: error NotFound", transcript, StringComparison.Ordinal);
        Assert.Contains("DisplayName=Orders", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_subscription_receives_sns_envelope_with_subject_and_attributes()
    {
        var transcript = await AssertSameAsync(async (sns, sqs, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("subscribe", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn);
            await t.CliAsync("publish", sns, "sns", "publish", "--topic-arn", Topic, "--subject", "New order", "--message", "{\"id\":7}",
                "--message-attributes", """{"kind":{"DataType":"String","StringValue":"created"},"amount":{"DataType":"Number","StringValue":"12.5"}}""");
            await t.CliAsync("publish plain", sns, "sns", "publish", "--topic-arn", Topic, "--message", "no subject here");
            await ReceiveAsync(sqs, t);
        });
        Assert.Contains("Subject=New order", transcript, StringComparison.Ordinal);
        Assert.Contains("MessageAttributes={amount={Type=Number, Value=12.5}, kind={Type=String, Value=created}}", transcript, StringComparison.Ordinal);
        Assert.Contains("Type=Notification", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_message_delivery_sends_the_message_itself_with_its_attributes_as_sqs_attributes()
    {
        var transcript = await AssertSameAsync(async (sns, sqs, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("subscribe raw", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn,
                "--attributes", """{"RawMessageDelivery":"true"}""");
            await t.CliAsync("publish", sns, "sns", "publish", "--topic-arn", Topic, "--message", "raw body",
                "--message-attributes", """{"kind":{"DataType":"String","StringValue":"raw"}}""");
            await ReceiveAsync(sqs, t);
        });
        Assert.Contains("body=raw body attributes=kind:String:raw", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_batch_delivers_each_entry_and_rejects_invalid_batches()
    {
        var transcript = await AssertSameAsync(async (sns, sqs, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("subscribe", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn,
                "--attributes", """{"RawMessageDelivery":"true"}""");
            await t.CliAsync("batch", sns, "sns", "publish-batch", "--topic-arn", Topic, "--publish-batch-request-entries",
                """[{"Id":"first","Message":"one"},{"Id":"second","Message":"two","Subject":"s"}]""");
            await t.CliAsync("repeated ids", sns, "sns", "publish-batch", "--topic-arn", Topic, "--publish-batch-request-entries",
                """[{"Id":"same","Message":"a"},{"Id":"same","Message":"b"}]""");
            await t.CliAsync("eleven", sns, "sns", "publish-batch", "--topic-arn", Topic, "--publish-batch-request-entries",
                "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => $$"""{"Id":"e{{i}}","Message":"m"}""")) + "]");
            await ReceiveAsync(sqs, t);
        });
        Assert.Contains("repeated ids: error BatchEntryIdsNotDistinct", transcript, StringComparison.Ordinal);
        Assert.Contains("eleven: error TooManyEntriesInBatchRequest", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_are_listed_described_and_removed()
    {
        var transcript = await AssertSameAsync(async (sns, _, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("subscribe", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn);
            await t.CliAsync("subscribe again", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn);
            await t.CliAsync("subscribe to a missing topic", sns, "sns", "subscribe", "--topic-arn", Topic + "-missing", "--protocol", "sqs", "--notification-endpoint", QueueArn);
            await t.CliAsync("subscribe a non-arn", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", "order-events");
            await t.CliAsync("list", sns, "sns", "list-subscriptions");
            await t.CliAsync("list by topic", sns, "sns", "list-subscriptions-by-topic", "--topic-arn", Topic);
            var arn = JsonNode.Parse((await AwsCli.RunAsync(sns, "sns", "list-subscriptions")).Output)!["Subscriptions"]![0]!["SubscriptionArn"]!.GetValue<string>();
            await t.CliAsync("attributes", sns, "sns", "get-subscription-attributes", "--subscription-arn", arn);
            await t.CliAsync("set raw", sns, "sns", "set-subscription-attributes", "--subscription-arn", arn, "--attribute-name", "RawMessageDelivery", "--attribute-value", "true");
            await t.CliAsync("attributes after", sns, "sns", "get-subscription-attributes", "--subscription-arn", arn);
            await t.CliAsync("unsubscribe", sns, "sns", "unsubscribe", "--subscription-arn", arn);
            await t.CliAsync("list after", sns, "sns", "list-subscriptions-by-topic", "--topic-arn", Topic);
        });
        Assert.Contains("subscribe a non-arn: error InvalidParameter", transcript, StringComparison.Ordinal);
        Assert.Contains("RawMessageDelivery=true", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_structured_message_delivers_the_protocol_specific_text()
    {
        var transcript = await AssertSameAsync(async (sns, sqs, t) =>
        {
            await t.CliAsync("create", sns, "sns", "create-topic", "--name", "orders");
            await t.CliAsync("subscribe", sns, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", QueueArn);
            await t.CliAsync("publish json", sns, "sns", "publish", "--topic-arn", Topic, "--message-structure", "json",
                "--message", """{"default":"for everyone","sqs":"for queues"}""");
            await ReceiveAsync(sqs, t);
        });
        Assert.Contains("Message=for queues", transcript, StringComparison.Ordinal);
    }

    /// <summary>Everything in the subscribed queue, each body normalized (envelopes parsed, raw bodies as text).</summary>
    private static async Task ReceiveAsync(Uri sqsEndpoint, SnsTranscript t)
    {
        using var sqs = SqsTestClients.For(sqsEndpoint);
        var url = (await sqs.GetQueueUrlAsync("order-events", Ct)).QueueUrl;
        var bodies = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var batch = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, MessageAttributeNames = ["All"], WaitTimeSeconds = 1 }, Ct);
            foreach (var message in batch.Messages ?? [])
            {
                var body = message.Body.TrimStart().StartsWith('{') ? t.Normalize(JsonNode.Parse(message.Body)) : message.Body;
                var attributes = string.Join(",", (message.MessageAttributes ?? []).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}:{a.Value.DataType}:{a.Value.StringValue}"));
                bodies.Add($"body={body} attributes={attributes}");
            }
        }
        foreach (var body in bodies.Order(StringComparer.Ordinal))
            t.Add("received", body);
    }

    private async Task<string> AssertSameAsync(Func<Uri, Uri, SnsTranscript, Task> scenario)
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        using (var sqs = SqsTestClients.For(moto.Endpoint))
            await sqs.CreateQueueAsync("order-events", Ct);
        var expected = new SnsTranscript();
        await scenario(moto.Endpoint, moto.Endpoint, expected);

        using var data = new TemporaryDirectory();
        await using var sqsHost = await SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = data.Combine("sqs"), KnownQueues = ["order-events"] }, Ct);
        await using var snsHost = await SnsStandIn.StartAsync(new SnsStandInOptions
        {
            DataDirectory = data.Combine("sns"), Sqs = sqsHost.Handler, Logger = TestOutputLogger.ForCurrentTest(),
        }, Ct);
        var actual = new SnsTranscript();
        await scenario(snsHost.Endpoint, sqsHost.Endpoint, actual);

        TestContext.Current.TestOutputHelper?.WriteLine(actual.ToString());
        Assert.Equal(expected.ToString(), actual.ToString());
        return actual.ToString();
    }
}
