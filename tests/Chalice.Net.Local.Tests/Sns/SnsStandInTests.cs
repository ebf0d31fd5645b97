using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Local.Sns;
using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;
using Chalice.Tests;

namespace Chalice.Local.Tests.Sns;

/// <summary>What SNS does that moto does not show: the Lambda event, the envelope's documented form and signature, and state that survives a restart.</summary>
public sealed class SnsStandInTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:events";
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:on-event";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lambda_subscription_hands_the_target_the_event_sns_sends_to_lambda()
    {
        using var data = new TemporaryDirectory();
        var target = new RecordingTarget();
        await using var sns = await SnsStandIn.StartAsync(new SnsStandInOptions { DataDirectory = data.Path, KnownTopics = ["events"], LambdaTarget = target }, Ct);
        await AwsCli.RunAsync(sns.Endpoint, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "lambda", "--notification-endpoint", Function);

        var published = await AwsCli.RunAsync(sns.Endpoint, "sns", "publish", "--topic-arn", Topic, "--subject", "TestInvoke", "--message", "Hello from SNS!",
            "--message-attributes", """{"Test":{"DataType":"String","StringValue":"TestString"},"TestBinary":{"DataType":"Binary","BinaryValue":"TestBinary"}}""");
        var delivery = await target.NextAsync();

        Assert.Equal(0, published.ExitCode);
        Assert.Equal(Function, delivery.FunctionArn);
        var messageId = JsonNode.Parse(published.Output)!["MessageId"]!.GetValue<string>();
        Assert.Equal(messageId, delivery.MessageId);
        // Every member AWS's sample SNS event has, and no other (shared/fixtures/events/sns-event.json, from
        // aws/aws-lambda-go events/testdata; the same shape as https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
        var sample = JsonNode.Parse(SharedFixtures.ReadText("events/sns-event.json"))!["Records"]![0]!;
        var record = JsonNode.Parse(delivery.EventJson.Span)!["Records"]!.AsArray().Single()!;
        Assert.Equal(Keys(sample), Keys(record));
        Assert.Equal(Keys(sample["Sns"]!), Keys(record["Sns"]!));
        Assert.Equal(("aws:sns", "1.0", "Notification", Topic, "TestInvoke", "Hello from SNS!"), (
            record["EventSource"]!.GetValue<string>(), record["EventVersion"]!.GetValue<string>(), record["Sns"]!["Type"]!.GetValue<string>(),
            record["Sns"]!["TopicArn"]!.GetValue<string>(), record["Sns"]!["Subject"]!.GetValue<string>(), record["Sns"]!["Message"]!.GetValue<string>()));
        Assert.StartsWith(Topic + ":", record["EventSubscriptionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        // awscli 1 sends a blob argument's text as its bytes; SNS gives binary values base64-encoded.
        Assert.Equal("""{"Test":{"Type":"String","Value":"TestString"},"TestBinary":{"Type":"Binary","Value":"VGVzdEJpbmFyeQ=="}}""",
            record["Sns"]!["MessageAttributes"]!.ToJsonString());
    }

    [Fact]
    public async Task The_envelope_has_aws_documented_fields_in_order_and_a_signature_the_served_certificate_verifies()
    {
        using var data = new TemporaryDirectory();
        await using var sqs = await SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = data.Combine("sqs"), KnownQueues = ["inbox"] }, Ct);
        await using var sns = await SnsStandIn.StartAsync(new SnsStandInOptions { DataDirectory = data.Combine("sns"), KnownTopics = ["events"], Sqs = sqs.Handler }, Ct);
        await AwsCli.RunAsync(sns.Endpoint, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "sqs", "--notification-endpoint", "arn:aws:sqs:us-east-1:123456789012:inbox");
        await AwsCli.RunAsync(sns.Endpoint, "sns", "publish", "--topic-arn", Topic, "--subject", "Testing publish to subscribed queues", "--message", "Hello world!");

        using var client = SqsTestClients.For(sqs.Endpoint);
        var body = (await client.ReceiveMessageAsync((await client.GetQueueUrlAsync("inbox", Ct)).QueueUrl, Ct)).Messages.Single().Body;
        var envelope = JsonNode.Parse(body)!.AsObject();

        // The order and layout of https://docs.aws.amazon.com/sns/latest/dg/SendMessageToSQS.html's example.
        Assert.Equal(["Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL"],
            envelope.Select(p => p.Key));
        Assert.StartsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : \"", body, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", envelope["Timestamp"]!.GetValue<string>());
        // SignatureVersion 1: SHA1withRSA over Message, MessageId, Subject, Timestamp, TopicArn and Type
        // (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
        string Field(string name) => envelope[name]!.GetValue<string>();
        var canonical = $"Message\n{Field("Message")}\nMessageId\n{Field("MessageId")}\nSubject\n{Field("Subject")}\nTimestamp\n{Field("Timestamp")}\nTopicArn\n{Field("TopicArn")}\nType\nNotification\n";
        using var http = new HttpClient();
        using var certificate = X509Certificate2.CreateFromPem(await http.GetStringAsync(Field("SigningCertURL"), Ct));
        using var key = certificate.GetRSAPublicKey()!;
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(canonical), Convert.FromBase64String(Field("Signature")), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        // Its UnsubscribeURL works against the stand-in, as SNS's does.
        using var unsubscribe = await http.GetAsync(Field("UnsubscribeURL"), Ct);
        Assert.True(unsubscribe.IsSuccessStatusCode);
        Assert.Empty(JsonNode.Parse((await AwsCli.RunAsync(sns.Endpoint, "sns", "list-subscriptions")).Output)!["Subscriptions"]!.AsArray());
    }

    [Fact]
    public async Task Topics_and_subscriptions_survive_a_restart()
    {
        using var data = new TemporaryDirectory();
        await using (var first = await SnsStandIn.StartAsync(new SnsStandInOptions { DataDirectory = data.Path }, Ct))
        {
            await AwsCli.RunAsync(first.Endpoint, "sns", "create-topic", "--name", "events");
            await AwsCli.RunAsync(first.Endpoint, "sns", "subscribe", "--topic-arn", Topic, "--protocol", "lambda", "--notification-endpoint", Function);
        }

        await using var second = await SnsStandIn.StartAsync(new SnsStandInOptions { DataDirectory = data.Path }, Ct);
        var subscriptions = JsonNode.Parse((await AwsCli.RunAsync(second.Endpoint, "sns", "list-subscriptions-by-topic", "--topic-arn", Topic)).Output)!;

        Assert.Equal(Function, subscriptions["Subscriptions"]![0]!["Endpoint"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("email", "someone@example.com")]
    [InlineData("https", "https://example.com/hook")]
    public async Task Protocols_the_stand_in_cannot_deliver_to_are_refused_not_ignored(string protocol, string endpoint)
    {
        using var data = new TemporaryDirectory();
        await using var sns = await SnsStandIn.StartAsync(new SnsStandInOptions { DataDirectory = data.Path, KnownTopics = ["events"] }, Ct);

        var result = await AwsCli.RunAsync(sns.Endpoint, "sns", "subscribe", "--topic-arn", Topic, "--protocol", protocol, "--notification-endpoint", endpoint);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not supported by the local SNS stand-in", result.Error, StringComparison.Ordinal);
    }

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private sealed class RecordingTarget : ISnsDeliveryTarget
    {
        private readonly BlockingCollection<SnsLambdaDelivery> _deliveries = [];

        public Task DeliverAsync(SnsLambdaDelivery delivery, CancellationToken cancellationToken)
        {
            _deliveries.Add(delivery, cancellationToken);
            return Task.CompletedTask;
        }

        public Task<SnsLambdaDelivery> NextAsync() => Task.Run(() =>
            _deliveries.TryTake(out var delivery, TimeSpan.FromSeconds(10)) ? delivery : throw new TimeoutException("No delivery arrived."));
    }
}
