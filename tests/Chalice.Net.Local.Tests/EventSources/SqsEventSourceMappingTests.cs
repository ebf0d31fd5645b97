using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// The local SQS event source mapping on the SQS stand-in, messages sent through the real AWS SDK client. Lambda's
/// behaviour from https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (batches, the batching window, five
/// concurrent batches, maximum concurrency) and https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
/// (a failed batch becomes visible again after the visibility timeout; batchItemFailures; an identifier that is not
/// in the batch fails the whole batch). The event's shape is shared/fixtures/events/sqs-event.json's.
/// </summary>
public sealed class SqsEventSourceMappingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryDirectory _data = new();
    private readonly RecordedInvocations _invocations = new();
    private readonly RecordingLogger _log = new();
    private readonly List<SqsEventSourceMapping> _mappings = [];
    private SqsStandInHost _sqs = null!;
    private AmazonSQSClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _sqs = await SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = _data.Path }, Ct);
        _client = SqsTestClients.For(_sqs.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mapping in _mappings)
            await mapping.DisposeAsync();
        _client.Dispose();
        await _sqs.DisposeAsync();
        _data.Dispose();
    }

    private async Task<string> QueueAsync(string name, int visibilitySeconds)
    {
        var created = await _client.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = name,
            Attributes = new() { ["VisibilityTimeout"] = visibilitySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, Ct);
        return created.QueueUrl;
    }

    private void Map(string queue, int batchSize = 10, int window = 0, int? maximumConcurrency = null)
    {
        var function = RecordedInvocations.Function("process", new SqsSettings(queue, null, batchSize, window, maximumConcurrency));
        var mapping = new SqsEventSourceMapping(function, () => _sqs.Handler.Queues, _invocations.Invoke, new EventBuilder(), _log);
        _mappings.Add(mapping);
        mapping.Start();
    }

    private async Task<int> RemainingAsync(string url)
    {
        var attributes = await _client.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    private static IEnumerable<JsonNode> Records(JsonNode @event) => @event["Records"]!.AsArray().Select(r => r!);

    [Fact]
    public async Task A_successful_batch_is_deleted_and_its_event_is_shaped_as_Lambda_sends_it()
    {
        var url = await QueueAsync("orders", 30);
        var sent = await _client.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("1", "order one")
            {
                MessageAttributes = new() { ["kind"] = new MessageAttributeValue { DataType = "String", StringValue = "book" } },
            },
            new SendMessageBatchRequestEntry("2", "order two"),
            new SendMessageBatchRequestEntry("3", "order three"),
        ], Ct);
        Map("orders", batchSize: 10, window: 1);

        await AsynchronousInvokerTests.WaitUntil(() => _invocations.Calls.Sum(c => Records(c.Event).Count()) >= 3);
        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0);

        var (_, @event) = Assert.Single(_invocations.Calls); // one batch: all three were there within the window
        var records = Records(@event).ToList();
        Assert.Equal(["order one", "order three", "order two"], records.Select(r => (string)r["body"]!).Order(StringComparer.Ordinal));
        var first = records.Single(r => (string?)r["body"] == "order one");
        var fixture = JsonNode.Parse(File.ReadAllText(SharedFixtures.Path("events/sqs-event.json")))!["Records"]![0]!;
        Assert.Equal(fixture.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal), first.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(fixture["attributes"]!.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal),
            first["attributes"]!.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(sent.Successful.Single(s => s.Id == "1").MessageId, (string?)first["messageId"]);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("order one"))), (string?)first["md5OfBody"]);
        Assert.Equal(sent.Successful.Single(s => s.Id == "1").MD5OfMessageAttributes, (string?)first["md5OfMessageAttributes"]);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", (string?)first["eventSourceARN"]);
        Assert.Equal("aws:sqs", (string?)first["eventSource"]);
        Assert.Equal("us-east-1", (string?)first["awsRegion"]);
        Assert.Equal("1", (string?)first["attributes"]!["ApproximateReceiveCount"]);
        Assert.Equal("""{"stringValue":"book","stringListValues":[],"binaryListValues":[],"dataType":"String"}""",
            first["messageAttributes"]!["kind"]!.ToJsonString());
    }

    [Fact]
    public async Task A_failed_batch_is_received_again_after_the_visibility_timeout()
    {
        var url = await QueueAsync("flaky", 1);
        await _client.SendMessageAsync(url, "try me", Ct);
        var calls = 0;
        _invocations.Handle = (_, _, _) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("database down") : ValueTask.FromResult("null");
        var started = DateTime.UtcNow;
        Map("flaky");

        await AsynchronousInvokerTests.WaitUntil(() => _invocations.Calls.Count == 2);
        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "redelivered before the visibility timeout");
        var deliveries = _invocations.Calls.Select(c => Records(c.Event).Single()).ToList();
        Assert.Equal((string?)deliveries[0]["messageId"], (string?)deliveries[1]["messageId"]);
        Assert.Equal(["1", "2"], deliveries.Select(d => (string)d["attributes"]!["ApproximateReceiveCount"]!));
        Assert.Equal(["Function process failed on a batch of 1 from flaky: database down; its messages are visible again after the visibility timeout"], _log.Lines);
    }

    [Fact]
    public async Task Batch_item_failures_leave_only_the_messages_they_name()
    {
        var url = await QueueAsync("partial", 1);
        await _client.SendMessageBatchAsync(url, [new("1", "ok 1"), new("2", "fail 2"), new("3", "ok 3"), new("4", "fail 4")], Ct);
        var failedOnce = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        _invocations.Handle = (_, @event, _) =>
        {
            var failures = Records(@event)
                .Where(r => ((string)r["body"]!).StartsWith("fail", StringComparison.Ordinal) && failedOnce.TryAdd((string)r["messageId"]!, true))
                .Select(r => new JsonObject { ["itemIdentifier"] = (string)r["messageId"]! });
            return ValueTask.FromResult(new JsonObject { ["batchItemFailures"] = new JsonArray([.. failures]) }.ToJsonString());
        };
        Map("partial");

        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0 && _invocations.Calls.Count >= 2);

        var deliveries = _invocations.Calls.SelectMany(c => Records(c.Event)).GroupBy(r => (string)r["body"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["ok 1"] = 1, ["ok 3"] = 1, ["fail 2"] = 2, ["fail 4"] = 2 }, deliveries);
    }

    [Fact]
    public async Task A_message_that_comes_back_within_the_batching_window_is_in_the_batch_once()
    {
        var url = await QueueAsync("short", 1);
        await _client.SendMessageAsync(url, "once", Ct);
        Map("short", batchSize: 10, window: 3);

        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0);

        var record = Records(Assert.Single(_invocations.Calls).Event).Single();
        Assert.Equal("once", (string?)record["body"]);
    }

    [Fact]
    public async Task An_identifier_outside_the_batch_fails_the_whole_batch()
    {
        var url = await QueueAsync("strict", 1);
        await _client.SendMessageBatchAsync(url, [new("1", "a"), new("2", "b")], Ct);
        var calls = 0;
        _invocations.Handle = (_, _, _) => ValueTask.FromResult(Interlocked.Increment(ref calls) == 1
            ? """{"batchItemFailures":[{"itemIdentifier":"not-a-message-of-this-batch"}]}"""
            : """{"batchItemFailures":[]}""");
        Map("strict");

        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0);

        Assert.Equal(4, _invocations.Calls.Sum(c => Records(c.Event).Count())); // both messages twice
        Assert.Contains(_log.Lines, l => l.Contains("not-a-message-of-this-batch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batches_hold_at_most_the_batch_size_and_maximum_concurrency_bounds_the_invocations_at_once()
    {
        var url = await QueueAsync("busy", 30);
        for (var i = 0; i < 3; i++)
            await _client.SendMessageBatchAsync(url, [.. Enumerable.Range(0, 10).Select(j => new SendMessageBatchRequestEntry($"m{j}", $"message {i}-{j}"))], Ct);
        var running = 0;
        var most = 0;
        _invocations.Handle = async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref running);
            return "null";
        };
        Map("busy", batchSize: 4, window: 0, maximumConcurrency: 2);

        await AsynchronousInvokerTests.WaitUntil(() => RemainingAsync(url).Result == 0);

        Assert.Equal(30, _invocations.Calls.Sum(c => Records(c.Event).Count()));
        Assert.All(_invocations.Calls, c => Assert.InRange(Records(c.Event).Count(), 1, 4));
        Assert.Equal(2, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
