using System.Diagnostics;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Tests;

namespace Chalice.Local.Tests.Sqs;

/// <summary>
/// Runs the same operations through the real AWSSDK.SQS client against moto's SQS and against the stand-in (both
/// starting with no queue) and requires identical transcripts: statuses, error codes and exception types, bodies,
/// MD5 digests (which the SDK also checks itself), attributes, batch results, ordering and receive counts. Where moto
/// 5.2.1 is known to differ from AWS the scenario leaves that step out and a stand-in test beside it follows AWS's
/// documentation (SqsAwsBehaviourTests).
/// </summary>
public sealed class SqsDifferentialTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_is_idempotent_with_equal_attributes_and_refuses_different_ones()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = "45", ["DelaySeconds"] = "0", ["MaximumMessageSize"] = "2048" };
            await t.StepAsync("create", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "orders", Attributes = attributes }, Ct)).QueueUrl));
            await t.StepAsync("create again, same", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "orders", Attributes = attributes }, Ct)).QueueUrl));
            await t.StepAsync("create again, no attributes", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "orders" }, Ct)).QueueUrl));
            await t.StepAsync("create again, different", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest
            {
                QueueName = "orders", Attributes = new() { ["VisibilityTimeout"] = "46" },
            }, Ct)).QueueUrl));
            await t.StepAsync("get url", async () => t.Url((await sqs.GetQueueUrlAsync("orders", Ct)).QueueUrl));
            var url = (await sqs.GetQueueUrlAsync("orders", Ct)).QueueUrl;
            await t.StepAsync("attributes", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["All"], Ct)));
            await t.StepAsync("some attributes", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["VisibilityTimeout", "QueueArn"], Ct)));
            await t.StepAsync("set", () => Send(sqs.SetQueueAttributesAsync(url, new() { ["VisibilityTimeout"] = "10", ["ReceiveMessageWaitTimeSeconds"] = "2" }, Ct)));
            await t.StepAsync("attributes after set", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["VisibilityTimeout", "ReceiveMessageWaitTimeSeconds"], Ct)));
        });
        Assert.Contains("create again, different: error 400 QueueAlreadyExists QueueNameExistsException", transcript, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout=45", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_queue_attributes_and_list_by_prefix()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            foreach (var name in new[] { "alpha-1", "alpha-2", "beta" })
                await sqs.CreateQueueAsync(name, Ct);
            await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "alpha-3.fifo", Attributes = new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" } }, Ct);
            await t.StepAsync("list all", async () => string.Join(" ", ((await sqs.ListQueuesAsync(new ListQueuesRequest(), Ct)).QueueUrls ?? []).Select(t.Url).Order(StringComparer.Ordinal)));
            await t.StepAsync("list alpha", async () => string.Join(" ", ((await sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "alpha" }, Ct)).QueueUrls ?? []).Select(t.Url).Order(StringComparer.Ordinal)));
            await t.StepAsync("list none", async () => string.Join(" ", ((await sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "gamma" }, Ct)).QueueUrls ?? []).Select(t.Url)));
            var fifo = (await sqs.GetQueueUrlAsync("alpha-3.fifo", Ct)).QueueUrl;
            await t.StepAsync("fifo attributes", async () => t.Describe(await sqs.GetQueueAttributesAsync(fifo, ["All"], Ct)));
        });
        Assert.Contains("FifoQueue=true", transcript, StringComparison.Ordinal);
        Assert.Contains("list alpha: http://<endpoint>/123456789012/alpha-1 http://<endpoint>/123456789012/alpha-2 http://<endpoint>/123456789012/alpha-3.fifo", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_receive_delete_with_message_attributes_system_attributes_and_filters()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("attributes", Ct)).QueueUrl;
            await t.StepAsync("send", async () => t.Describe(await sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = url,
                MessageBody = "{\"order\":42,\"note\":\"café ☕\"}",
                MessageAttributes = new()
                {
                    ["Author"] = new() { DataType = "String", StringValue = "alice" },
                    ["Count"] = new() { DataType = "Number", StringValue = "12.5" },
                    ["Blob"] = new() { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3, 250]) },
                    ["custom.tag"] = new() { DataType = "String.custom", StringValue = "x" },
                },
            }, Ct)));
            await t.StepAsync("send plain", async () => t.Describe(await sqs.SendMessageAsync(url, "plain body", Ct)));
            await t.StepAsync("receive all", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url, MaxNumberOfMessages = 10, VisibilityTimeout = 0,
                MessageSystemAttributeNames = ["All"], MessageAttributeNames = ["All"],
            }, Ct)));
            await t.StepAsync("receive named", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url, MaxNumberOfMessages = 10, VisibilityTimeout = 0,
                MessageSystemAttributeNames = ["ApproximateReceiveCount", "SentTimestamp"], MessageAttributeNames = ["Author", "custom.*"],
            }, Ct)));
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct);
            t.Note($"received {received.Messages?.Count}");
            foreach (var message in received.Messages ?? [])
                await t.StepAsync("delete " + t.Label(message.MessageId), () => Send(sqs.DeleteMessageAsync(url, message.ReceiptHandle, Ct)));
            await t.StepAsync("receive after delete", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct)));
            await t.StepAsync("counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct)));
        });
        Assert.Contains("ApproximateReceiveCount=2", transcript, StringComparison.Ordinal);
        Assert.Contains("Author:String:alice", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visibility_timeout_expiry_brings_a_message_back_with_a_higher_receive_count()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "visibility", Attributes = new() { ["VisibilityTimeout"] = "1" } }, Ct)).QueueUrl;
            await sqs.SendMessageAsync(url, "comes back", Ct);
            var first = await ReceiveAsync(sqs, url);
            await t.StepAsync("first", () => Task.FromResult(t.Describe(first)));
            await t.StepAsync("while in flight", async () => t.Describe(await ReceiveAsync(sqs, url)));
            await t.StepAsync("counts in flight", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct)));
            await Task.Delay(1600, Ct);
            var second = await ReceiveAsync(sqs, url);
            await t.StepAsync("after expiry", () => Task.FromResult(t.Describe(second)));
            await t.StepAsync("extend with change visibility", () => Send(sqs.ChangeMessageVisibilityAsync(url, second.Messages![0].ReceiptHandle, 0, Ct)));
            var third = await ReceiveAsync(sqs, url);
            await t.StepAsync("visible again at once", () => Task.FromResult(t.Describe(third)));
            await t.StepAsync("delete with the latest handle", () => Send(sqs.DeleteMessageAsync(url, third.Messages![0].ReceiptHandle, Ct)));
            await t.StepAsync("gone", async () => t.Describe(await ReceiveAsync(sqs, url)));
            await t.StepAsync("delete again", () => Send(sqs.DeleteMessageAsync(url, third.Messages![0].ReceiptHandle, Ct)));
        });
        Assert.Contains("ApproximateReceiveCount=3", transcript, StringComparison.Ordinal);
        Assert.Contains("while in flight: 200 []", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_handle_from_an_earlier_receive_still_deletes_the_message()
    {
        // moto's receipt-handle rules were verified against AWS (getmoto/moto#4655): an old handle of a message received
        // again still deletes it; a long poll then waits out its second and finds nothing.
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("old-handles", Ct)).QueueUrl;
            await sqs.SendMessageAsync(url, "received twice", Ct);
            var first = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 0 }, Ct);
            await t.StepAsync("second receive", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 30 }, Ct)));
            await t.StepAsync("delete with the first handle", () => Send(sqs.DeleteMessageAsync(url, first.Messages![0].ReceiptHandle, Ct)));
            await t.StepAsync("counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct)));
            await t.StepAsync("nothing left", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 1 }, Ct)));
        });
        Assert.Contains("ApproximateNumberOfMessagesNotVisible=0", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_batch_reports_entry_failures_beside_successes_and_rejects_invalid_batches()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("batches", Ct)).QueueUrl;
            await t.StepAsync("batch", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url,
                Entries =
                [
                    new() { Id = "a", MessageBody = "first" },
                    new() { Id = "b", MessageBody = "delayed too long", DelaySeconds = 1000 },
                    new() { Id = "c", MessageBody = "with attribute", MessageAttributes = new() { ["k"] = new() { DataType = "String", StringValue = "v" } } },
                ],
            }, Ct)));
            await t.StepAsync("empty batch", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = url, Entries = [] }, Ct)));
            await t.StepAsync("eleven entries", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url, Entries = [.. Enumerable.Range(0, 11).Select(i => new SendMessageBatchRequestEntry { Id = $"e{i}", MessageBody = "x" })],
            }, Ct)));
            await t.StepAsync("repeated id", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url, Entries = [new() { Id = "same", MessageBody = "1" }, new() { Id = "same", MessageBody = "2" }],
            }, Ct)));
            await t.StepAsync("invalid id", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url, Entries = [new() { Id = "not valid!", MessageBody = "1" }],
            }, Ct)));
            await t.StepAsync("too long together", async () => t.Describe(await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url, Entries = [.. Enumerable.Range(0, 3).Select(i => new SendMessageBatchRequestEntry { Id = $"big{i}", MessageBody = new string('x', 400_000) })],
            }, Ct)));
            await t.StepAsync("counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages"], Ct)));
        });
        Assert.Contains("ok=[a:m1", transcript, StringComparison.Ordinal);
        Assert.Contains("failed=[b:InvalidParameterValue:True]", transcript, StringComparison.Ordinal);
        Assert.Contains("eleven entries: error 400 AWS.SimpleQueueService.TooManyEntriesInBatchRequest TooManyEntriesInBatchRequestException", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_and_visibility_batches_report_invalid_handles_per_entry()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("receipts", Ct)).QueueUrl;
            await sqs.SendMessageBatchAsync(url, [new() { Id = "1", MessageBody = "one" }, new() { Id = "2", MessageBody = "two" }, new() { Id = "3", MessageBody = "three" }], Ct);
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, VisibilityTimeout = 30 }, Ct);
            var handles = (received.Messages ?? []).OrderBy(m => m.Body, StringComparer.Ordinal).Select(m => m.ReceiptHandle).ToList();
            t.Note($"received {handles.Count}");
            await t.StepAsync("change visibility batch", async () => t.Describe(await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
            {
                QueueUrl = url,
                Entries = [new() { Id = "ok", ReceiptHandle = handles[0], VisibilityTimeout = 0 }, new() { Id = "bad", ReceiptHandle = "not-a-handle", VisibilityTimeout = 0 }],
            }, Ct)));
            await t.StepAsync("delete batch", async () => t.Describe(await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = url,
                Entries = [new() { Id = "x", ReceiptHandle = handles[1] }, new() { Id = "y", ReceiptHandle = "garbage" }, new() { Id = "z", ReceiptHandle = handles[2] }],
            }, Ct)));
            await t.StepAsync("empty delete batch", async () => t.Describe(await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = url, Entries = [] }, Ct)));
            await t.StepAsync("remaining", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct)));
        });
        Assert.Contains("failed=[bad:ReceiptHandleIsInvalid:True]", transcript, StringComparison.Ordinal);
        Assert.Contains("ok=[x z] failed=[y:ReceiptHandleIsInvalid:True]", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delayed_messages_wait_and_long_polling_returns_as_soon_as_one_arrives()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("delays", Ct)).QueueUrl;
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "later", DelaySeconds = 1 }, Ct);
            await t.StepAsync("receive at once", async () => t.Describe(await ReceiveAsync(sqs, url)));
            await t.StepAsync("counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"], Ct)));
            var watch = Stopwatch.StartNew();
            var polled = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20, MessageSystemAttributeNames = ["ApproximateReceiveCount"] }, Ct);
            await t.StepAsync("long poll", () => Task.FromResult(t.Describe(polled)));
            // Generous: a loaded 2-core machine slows both servers down; a poll that waited its full 20 s would show.
            t.Note($"long poll returned well before its 20 s: {watch.Elapsed < TimeSpan.FromSeconds(15)}");
            watch.Restart();
            var empty = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 1 }, Ct);
            await t.StepAsync("long poll on nothing", () => Task.FromResult(t.Describe(empty)));
            t.Note($"waited about a second: {watch.Elapsed > TimeSpan.FromMilliseconds(800)}");
        });
        Assert.Contains("long poll returned well before its 20 s: True", transcript, StringComparison.Ordinal);
        Assert.Contains("ApproximateNumberOfMessagesDelayed=1", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_polling_wakes_up_when_another_client_sends()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("wake-up", Ct)).QueueUrl;
            var watch = Stopwatch.StartNew();
            var poll = sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 20 }, Ct);
            await Task.Delay(700, Ct);
            await sqs.SendMessageAsync(url, "wake up", Ct);
            await t.StepAsync("poll", async () => t.Describe(await poll));
            t.Note($"answered well before the 20 s wait: {watch.Elapsed < TimeSpan.FromSeconds(15)}");
        });
        Assert.Contains("answered well before the 20 s wait: True", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_deletes_every_message()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("purged", Ct)).QueueUrl;
            foreach (var body in new[] { "1", "2", "3" })
                await sqs.SendMessageAsync(url, body, Ct);
            await ReceiveAsync(sqs, url);
            await t.StepAsync("purge", () => Send(sqs.PurgeQueueAsync(url, Ct)));
            await t.StepAsync("counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct)));
            await t.StepAsync("receive", async () => t.Describe(await ReceiveAsync(sqs, url)));
        });
        Assert.Contains("ApproximateNumberOfMessages=0", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_delivers_each_group_in_order_and_holds_a_group_while_a_message_is_in_flight()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "ordered.fifo", Attributes = new() { ["FifoQueue"] = "true" } }, Ct)).QueueUrl;
            foreach (var (group, body) in new[] { ("g1", "g1-a"), ("g2", "g2-a"), ("g1", "g1-b"), ("g1", "g1-c"), ("g2", "g2-b") })
            {
                await t.StepAsync($"send {body}", async () => t.Describe(await sqs.SendMessageAsync(new SendMessageRequest
                {
                    QueueUrl = url, MessageBody = body, MessageGroupId = group, MessageDeduplicationId = body,
                }, Ct)));
            }
            var first = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 1, MessageSystemAttributeNames = ["MessageGroupId", "MessageDeduplicationId", "SequenceNumber"] }, Ct);
            await t.StepAsync("first", () => Task.FromResult(t.Describe(first)));
            // g1 has a message in flight, so only g2 can be delivered now.
            await t.StepAsync("while g1 in flight", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct)));
            await t.StepAsync("everything held", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct)));
            await sqs.DeleteMessageAsync(url, first.Messages![0].ReceiptHandle, Ct);
            await t.StepAsync("g1 continues in order", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct)));
        });
        Assert.Contains("while g1 in flight: 200 [m2 body='g2-a'", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_deduplicates_by_id_and_by_content_within_the_interval()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var byId = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "by-id.fifo", Attributes = new() { ["FifoQueue"] = "true" } }, Ct)).QueueUrl;
            var byContent = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "by-content.fifo", Attributes = new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" } }, Ct)).QueueUrl;
            foreach (var body in new[] { "one", "one again", "two" })
            {
                // The same deduplication id twice: the second is accepted but not delivered.
                await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = byId, MessageBody = body, MessageGroupId = "g", MessageDeduplicationId = body == "two" ? "d2" : "d1" }, Ct);
                await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = byContent, MessageBody = body == "one again" ? "one" : body, MessageGroupId = "g" }, Ct);
            }
            await t.StepAsync("by id", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = byId, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["MessageDeduplicationId"] }, Ct)));
            await t.StepAsync("by content", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = byContent, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["MessageDeduplicationId"] }, Ct)));
        });
        Assert.Contains("by id: 200 [m1 body='one'", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("one again", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_sends_need_a_group_and_a_deduplication_id_and_take_no_delay()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "strict.fifo", Attributes = new() { ["FifoQueue"] = "true" } }, Ct)).QueueUrl;
            await t.StepAsync("no group", async () => t.Describe(await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "x", MessageDeduplicationId = "d" }, Ct)));
            await t.StepAsync("no deduplication id", async () => t.Describe(await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "x", MessageGroupId = "g" }, Ct)));
            await t.StepAsync("delay", async () => t.Describe(await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "x", MessageGroupId = "g", MessageDeduplicationId = "d", DelaySeconds = 5 }, Ct)));
            await t.StepAsync("fifo name without the attribute", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "plain", Attributes = new() { ["FifoQueue"] = "true" } }, Ct)).QueueUrl));
        });
        Assert.Contains("no group: error 400 MissingParameter", transcript, StringComparison.Ordinal);
        Assert.Contains("no deduplication id: error 400 InvalidParameterValue", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_received_max_receive_count_times_moves_to_the_dead_letter_queue()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var dlq = (await sqs.CreateQueueAsync("poison-dlq", Ct)).QueueUrl;
            var dlqArn = (await sqs.GetQueueAttributesAsync(dlq, ["QueueArn"], Ct)).Attributes["QueueArn"];
            var source = (await sqs.CreateQueueAsync(new CreateQueueRequest
            {
                QueueName = "poison",
                Attributes = new() { ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlqArn}\",\"maxReceiveCount\":2}}" },
            }, Ct)).QueueUrl;
            await t.StepAsync("redrive policy", async () => t.Describe(await sqs.GetQueueAttributesAsync(source, ["RedrivePolicy"], Ct)));
            await sqs.SendMessageAsync(source, "fails every time", Ct);
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await t.StepAsync($"receive {attempt}", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = source, VisibilityTimeout = 0, MessageSystemAttributeNames = ["ApproximateReceiveCount"],
                }, Ct)));
            }
            await t.StepAsync("dead letter", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlq, VisibilityTimeout = 0 }, Ct)));
            await t.StepAsync("sources", async () => string.Join(" ", (await sqs.ListDeadLetterSourceQueuesAsync(new ListDeadLetterSourceQueuesRequest { QueueUrl = dlq }, Ct)).QueueUrls.Select(t.Url)));
            await t.StepAsync("source counts", async () => t.Describe(await sqs.GetQueueAttributesAsync(source, ["ApproximateNumberOfMessages"], Ct)));
        });
        Assert.Contains("receive 3: 200 []", transcript, StringComparison.Ordinal);
        Assert.Contains("dead letter: 200 [m1 body='fails every time'", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_attributes_and_parameters_are_refused_with_their_codes()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            // Not compared: moto 5.2.1 accepts unknown attributes, out-of-range values other than MaximumMessageSize and
            // a standard queue named *.fifo, and answers an invalid receipt handle with 400 where AWS's model says 404;
            // SqsAwsBehaviourTests covers those as AWS documents them.
            await t.StepAsync("size below the minimum", async () => t.Url((await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "b", Attributes = new() { ["MaximumMessageSize"] = "10" } }, Ct)).QueueUrl));
            await t.StepAsync("invalid name", async () => t.Url((await sqs.CreateQueueAsync("has space", Ct)).QueueUrl));
            var url = (await sqs.CreateQueueAsync("c", Ct)).QueueUrl;
            await t.StepAsync("get unknown attribute", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["Colour"], Ct)));
            await t.StepAsync("eleven messages", async () => t.Describe(await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 11 }, Ct)));
        });
        Assert.Contains("get unknown attribute: error 400 InvalidAttributeName InvalidAttributeNameException", transcript, StringComparison.Ordinal);
        Assert.Contains("size below the minimum: error 400 InvalidAttributeValue InvalidAttributeValueException", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_size_is_limited_by_the_queues_maximum_message_size()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var small = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "small", Attributes = new() { ["MaximumMessageSize"] = "1024" } }, Ct)).QueueUrl;
            await t.StepAsync("at the limit", async () => t.Describe(await sqs.SendMessageAsync(small, new string('a', 1024), Ct)));
            await t.StepAsync("over the limit", async () => t.Describe(await sqs.SendMessageAsync(small, new string('a', 1025), Ct)));
            var large = (await sqs.CreateQueueAsync("large", Ct)).QueueUrl;
            await t.StepAsync("256 KiB and more is fine by default", async () => t.Describe(await sqs.SendMessageAsync(large, new string('b', 262_145), Ct)));
            await t.StepAsync("over 1 MiB", async () => t.Describe(await sqs.SendMessageAsync(large, new string('b', 1_048_577), Ct)));
        });
        Assert.Contains("over the limit: error 400 InvalidParameterValue", transcript, StringComparison.Ordinal);
        Assert.Contains("over 1 MiB: error 400 InvalidParameterValue", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_deleted_queues_are_queue_does_not_exist()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync("short-lived", Ct)).QueueUrl;
            await t.StepAsync("delete", () => Send(sqs.DeleteQueueAsync(url, Ct)));
            await t.StepAsync("get url", async () => t.Url((await sqs.GetQueueUrlAsync("short-lived", Ct)).QueueUrl));
            await t.StepAsync("send", async () => t.Describe(await sqs.SendMessageAsync(url, "x", Ct)));
            await t.StepAsync("receive", async () => t.Describe(await ReceiveAsync(sqs, url)));
            await t.StepAsync("attributes", async () => t.Describe(await sqs.GetQueueAttributesAsync(url, ["All"], Ct)));
            await t.StepAsync("purge", () => Send(sqs.PurgeQueueAsync(url, Ct)));
            await t.StepAsync("delete again", () => Send(sqs.DeleteQueueAsync(url, Ct)));
            await t.StepAsync("get url of never", async () => t.Url((await sqs.GetQueueUrlAsync("never-made", Ct)).QueueUrl));
        });
        Assert.Contains("send: error 400 AWS.SimpleQueueService.NonExistentQueue QueueDoesNotExistException", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_are_set_at_creation_added_and_removed()
    {
        var transcript = await AssertSameAsync(async (sqs, t) =>
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "tagged", Tags = new() { ["team"] = "orders" } }, Ct)).QueueUrl;
            await t.StepAsync("tags", async () => string.Join(",", ((await sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url }, Ct)).Tags ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)));
            await sqs.TagQueueAsync(new TagQueueRequest { QueueUrl = url, Tags = new() { ["env"] = "dev", ["team"] = "billing" } }, Ct);
            await sqs.UntagQueueAsync(new UntagQueueRequest { QueueUrl = url, TagKeys = ["env"] }, Ct);
            await t.StepAsync("tags after", async () => string.Join(",", ((await sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url }, Ct)).Tags ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)));
        });
        Assert.Contains("tags after: [team, billing]", transcript, StringComparison.Ordinal);
    }

    private static Task<ReceiveMessageResponse> ReceiveAsync(IAmazonSQS sqs, string url) =>
        sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["ApproximateReceiveCount"] }, Ct);

    private static async Task<Amazon.Runtime.AmazonWebServiceResponse> Send<T>(Task<T> call) where T : Amazon.Runtime.AmazonWebServiceResponse => await call;

    private async Task<string> AssertSameAsync(Func<IAmazonSQS, SqsTranscript, Task> scenario)
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        var expected = await RunAsync(moto.Endpoint, scenario);

        await using var standIn = await SqsStandInSession.StartAsync();
        var actual = await RunAsync(standIn.Endpoint, scenario);

        TestContext.Current.TestOutputHelper?.WriteLine(actual);
        Assert.Equal(expected, actual);
        return actual;
    }

    private static async Task<string> RunAsync(Uri endpoint, Func<IAmazonSQS, SqsTranscript, Task> scenario)
    {
        using var sqs = SqsTestClients.For(endpoint);
        var transcript = new SqsTranscript(endpoint);
        await scenario(sqs, transcript);
        return transcript.ToString();
    }
}
