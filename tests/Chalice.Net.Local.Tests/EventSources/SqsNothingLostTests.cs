using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;
using Chalice.Testing;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// Nothing is lost between the SQS stand-in and the local event source mapping: 1,000 messages sent concurrently to a
/// queue whose handler fails 10 % of its messages at random (batchItemFailures) each end up processed successfully or,
/// after the redrive policy's maxReceiveCount, in the dead-letter queue; none is processed successfully twice. With a
/// restart of the stand-in and the mappings in the middle, the only second deliveries are of batches that were in flight
/// at the restart, since SQS delivers at least once
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues-at-least-once-delivery.html).
/// <see cref="EmulatorRestartNothingLostTests"/> restarts the whole emulator process instead.
/// </summary>
public sealed class SqsNothingLostTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int MaxReceiveCount = 2;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task A_thousand_messages_with_random_failures_are_each_processed_once_or_dead_lettered() => RunAsync(restartHalfway: false);

    [Fact]
    public Task A_restart_in_the_middle_loses_nothing_and_redelivers_only_batches_in_flight() => RunAsync(restartHalfway: true);

    private async Task RunAsync(bool restartHalfway)
    {
        using var data = new TemporaryDirectory();
        var successes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inFlightAtRestart = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var random = new Random(15);
        var invocations = new RecordedInvocations
        {
            Handle = async (_, @event, cancellationToken) =>
            {
                var records = @event["Records"]!.AsArray().Select(r => r!).ToList();
                var failures = new JsonArray();
                try
                {
                    foreach (var record in records)
                    {
                        await Task.Delay(1, cancellationToken); // the work, which a stopping emulator cancels
                        bool fails;
                        lock (random)
                            fails = random.NextDouble() < 0.10;
                        if (fails)
                            failures.Add(new JsonObject { ["itemIdentifier"] = (string)record["messageId"]! });
                        else
                            successes.AddOrUpdate((string)record["body"]!, 1, (_, count) => count + 1);
                    }
                }
                catch (OperationCanceledException)
                {
                    foreach (var record in records)
                        inFlightAtRestart[(string)record["body"]!] = true;
                    throw;
                }
                return new JsonObject { ["batchItemFailures"] = failures }.ToJsonString();
            },
        };

        var sqs = await StartAsync(data.Path);
        var client = SqsTestClients.For(sqs.Endpoint);
        var url = await SetUpQueuesAsync(client);
        await Parallel.ForEachAsync(Enumerable.Range(0, Messages), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
            async (i, ct) => await client.SendMessageAsync(url, $"message {i:D4}", ct));
        var mappings = Map(sqs, invocations);

        if (restartHalfway)
        {
            await AsynchronousInvokerTests.WaitUntil(() => successes.Count >= Messages / 2);
            foreach (var mapping in mappings)
                await mapping.DisposeAsync();
            client.Dispose();
            await sqs.DisposeAsync();
            sqs = await StartAsync(data.Path);
            client = SqsTestClients.For(sqs.Endpoint);
            url = (await client.GetQueueUrlAsync("work", Ct)).QueueUrl;
            mappings = Map(sqs, invocations);
        }

        var dlqUrl = (await client.GetQueueUrlAsync("work-dlq", Ct)).QueueUrl;
        var deadline = DateTime.UtcNow.AddSeconds(50);
        // Done when the queue holds nothing, in flight or not: each message was deleted after its success or moved to the DLQ.
        while (await CountAsync(client, url) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"after 50 s: {successes.Count} processed, {await CountAsync(client, dlqUrl)} dead-lettered");
            await Task.Delay(100, Ct);
        }
        foreach (var mapping in mappings)
            await mapping.DisposeAsync();

        var deadLettered = new List<string>();
        while ((await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlqUrl, MaxNumberOfMessages = 10 }, Ct)).Messages is { Count: > 0 } batch)
            deadLettered.AddRange(batch.Select(m => m.Body));
        var twice = successes.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{successes.Count} processed, {deadLettered.Count} dead-lettered, {inFlightAtRestart.Count} in flight at the restart, {twice.Count} delivered successfully a second time"));

        var all = Enumerable.Range(0, Messages).Select(i => $"message {i:D4}").ToHashSet(StringComparer.Ordinal);
        Assert.True(all.SetEquals(successes.Keys.Concat(deadLettered)), "a message was lost or made up");
        // A dead-lettered message never succeeded, unless it did in a batch in flight at the restart, whose second
        // delivery then failed to the end.
        Assert.All(successes.Keys.Intersect(deadLettered), body => Assert.True(inFlightAtRestart.ContainsKey(body), $"{body} succeeded and was dead-lettered"));
        Assert.Equal(deadLettered.Count, deadLettered.Distinct().Count());
        Assert.All(twice, body => Assert.True(inFlightAtRestart.ContainsKey(body), $"{body} was processed twice but was not in flight at the restart"));
        if (!restartHalfway)
            Assert.Empty(twice);
        Assert.Equal(0, await CountAsync(client, url));
        client.Dispose();
        await sqs.DisposeAsync();
    }

    private static Task<SqsStandInHost> StartAsync(string data) =>
        SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = data }, Ct);

    private static async Task<string> SetUpQueuesAsync(AmazonSQSClient client)
    {
        var dlq = await client.CreateQueueAsync("work-dlq", Ct);
        var dlqArn = (await client.GetQueueAttributesAsync(dlq.QueueUrl, ["QueueArn"], Ct)).QueueARN;
        var queue = await client.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "work",
            Attributes = new()
            {
                // Short, so that failed messages come back quickly.
                ["VisibilityTimeout"] = "1",
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"{{MaxReceiveCount}}"}""",
            },
        }, Ct);
        return queue.QueueUrl;
    }

    private static List<SqsEventSourceMapping> Map(SqsStandInHost sqs, RecordedInvocations invocations)
    {
        var function = RecordedInvocations.Function("work", new SqsSettings("work", null, BatchSize: 10, MaximumBatchingWindowInSeconds: 0, MaximumConcurrency: null));
        var mapping = new SqsEventSourceMapping(function, () => sqs.Handler.Queues, invocations.Invoke, new EventBuilder(), new RecordingLogger());
        mapping.Start();
        return [mapping];
    }

    private static async Task<int> CountAsync(AmazonSQSClient client, string url)
    {
        var attributes = await client.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }
}
