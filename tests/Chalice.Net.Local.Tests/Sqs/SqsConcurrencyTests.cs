using System.Collections.Concurrent;
using Amazon.SQS.Model;

namespace Chalice.Local.Tests.Sqs;

/// <summary>Many senders and receivers at once: nothing is lost, and nothing is delivered twice while its visibility timeout runs.</summary>
public sealed class SqsConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_senders_and_eight_receivers_move_two_thousand_messages_each_exactly_once()
    {
        await using var session = await SqsStandInSession.StartAsync();
        using var sqs = SqsTestClients.For(session.Endpoint);
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "busy", Attributes = new() { ["VisibilityTimeout"] = "120" } }, Ct)).QueueUrl;
        const int senders = 8, perSender = 250, total = senders * perSender;
        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var deleted = 0;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var receivers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref deleted) < total && !done.IsCancellationRequested)
            {
                var batch = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 }, done.Token);
                foreach (var message in batch.Messages ?? [])
                    received.AddOrUpdate(message.Body, 1, (_, count) => count + 1);
                if (batch.Messages is { Count: > 0 } messages)
                {
                    var result = await sqs.DeleteMessageBatchAsync(url, [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry($"d{i}", m.ReceiptHandle))], done.Token);
                    Interlocked.Add(ref deleted, result.Successful.Count);
                }
            }
        }, Ct)).ToList();
        var sending = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i += 10)
            {
                if (i % 20 == 0)
                {
                    await sqs.SendMessageBatchAsync(url, [.. Enumerable.Range(i, 10).Select(j => new SendMessageBatchRequestEntry($"e{j}", $"{sender}-{j}"))], Ct);
                    continue;
                }
                for (var j = i; j < i + 10; j++)
                    await sqs.SendMessageAsync(url, $"{sender}-{j}", Ct);
            }
        }, Ct)).ToList();

        await Task.WhenAll(sending);
        var finished = Task.WhenAll(receivers);
        await Task.WhenAny(finished, Task.Delay(TimeSpan.FromSeconds(120), Ct));
        done.Cancel();

        Assert.Equal(total, received.Count);
        Assert.Equal(total, Volatile.Read(ref deleted));
        var duplicates = received.Values.Count(c => c > 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"{total} messages, {duplicates} delivered more than once");
        Assert.Equal(0, duplicates);
        Assert.Equal(0, (await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages"], Ct)).ApproximateNumberOfMessages);
    }

    [Fact]
    public async Task Many_sends_and_deletes_keep_the_journal_compact_and_the_state_intact_after_a_restart()
    {
        await using var session = await SqsStandInSession.StartAsync("churn");
        using (var sqs = SqsTestClients.For(session.Endpoint))
        {
            var url = (await sqs.GetQueueUrlAsync("churn", Ct)).QueueUrl;
            for (var round = 0; round < 150; round++)
            {
                await sqs.SendMessageBatchAsync(url, [.. Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry($"e{i}", $"{round}-{i}"))], Ct);
                var batch = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct);
                await sqs.DeleteMessageBatchAsync(url, [.. batch.Messages.Select((m, i) => new DeleteMessageBatchRequestEntry($"d{i}", m.ReceiptHandle))], Ct);
            }
            await sqs.SendMessageAsync(url, "survivor", Ct);
        }
        var journal = Path.Combine(session.DataDirectory, "churn", "messages.journal");

        await session.RestartAsync();

        // 1,500 sends, receives and deletes would be 4,500 records; compaction keeps it near what is live.
        Assert.True(new FileInfo(journal).Length < 600_000, $"the journal holds {new FileInfo(journal).Length} bytes");
        using var after = SqsTestClients.For(session.Endpoint);
        var messages = (await after.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = (await after.GetQueueUrlAsync("churn", Ct)).QueueUrl, MaxNumberOfMessages = 10 }, Ct)).Messages;
        Assert.Equal(["survivor"], messages.Select(m => m.Body));
    }
}
