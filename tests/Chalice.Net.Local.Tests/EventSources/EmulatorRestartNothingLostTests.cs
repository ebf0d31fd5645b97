using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// The nothing-lost run of <see cref="SqsNothingLostTests"/> with the whole emulator restarted in the middle: the app
/// (tests/TestApps/QueueApp) runs in its own process as <c>dotnet run</c> runs it, with its stand-ins, event source
/// mapping and data under <c>.chalice/local</c>; halfway through 1,000 messages it is stopped (SIGTERM, as Ctrl+C
/// stops it) and started again. Every message ends up processed successfully or dead-lettered, and the only messages
/// processed successfully twice are those of batches in flight at the restart, which SQS delivers again (at least
/// once, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues-at-least-once-delivery.html).
/// </summary>
public sealed class EmulatorRestartNothingLostTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int MaxReceiveCount = 2;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restarting_the_whole_emulator_process_loses_nothing_and_redelivers_only_batches_in_flight()
    {
        using var folder = new TemporaryDirectory();
        var journal = Path.Combine(folder.Path, "journal.txt");
        File.WriteAllText(journal, "");

        int firstId;
        await using (var first = QueueAppProcess.Start(folder.Path, journal))
        {
            firstId = first.Id;
            using var sqs = SqsTestClients.For(await first.SqsEndpoint);
            var url = await SetUpQueuesAsync(sqs);
            await Parallel.ForEachAsync(Enumerable.Range(0, Messages), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
                async (i, ct) => await sqs.SendMessageAsync(url, $"message {i:D4}", ct));
            await WaitUntilAsync(() => Read(journal).Count(l => l.Kind == "ok") >= Messages / 2, first);
            Assert.Equal(0, await first.StopAsync());
        }
        var beforeRestart = Read(journal).Count(l => l.Kind == "ok");

        await using var second = QueueAppProcess.Start(folder.Path, journal);
        using var client = SqsTestClients.For(await second.SqsEndpoint);
        var workUrl = await GetQueueUrlAsync(client, "work", second);
        var dlqUrl = (await client.GetQueueUrlAsync("work-dlq", Ct)).QueueUrl;
        // Done when the queue holds nothing, in flight or not: each message was deleted after its success or dead-lettered.
        await WaitUntilAsync(async () => await CountAsync(client, workUrl) == 0, second);
        var deadLettered = new List<string>();
        while ((await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlqUrl, MaxNumberOfMessages = 10 }, Ct)).Messages is { Count: > 0 } batch)
            deadLettered.AddRange(batch.Select(m => m.Body));
        Assert.Equal(0, await second.StopAsync());

        var lines = Read(journal);
        var successes = lines.Where(l => l.Kind == "ok").GroupBy(l => l.Rest, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var inFlightAtRestart = lines.Where(l => l.Kind == "interrupted" && l.ProcessId == firstId)
            .SelectMany(l => l.Rest.Split('|')).ToHashSet(StringComparer.Ordinal);
        var twice = successes.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{beforeRestart} processed before the restart, {successes.Count} in all, {deadLettered.Count} dead-lettered, {inFlightAtRestart.Count} in flight at the restart, {twice.Count} delivered successfully a second time"));

        Assert.True(lines.Any(l => l.ProcessId != firstId && l.Kind == "ok"), "nothing was processed after the restart");
        var all = Enumerable.Range(0, Messages).Select(i => $"message {i:D4}").ToHashSet(StringComparer.Ordinal);
        Assert.True(all.SetEquals(successes.Keys.Concat(deadLettered)), "a message was lost or made up");
        Assert.Equal(deadLettered.Count, deadLettered.Distinct().Count());
        // A dead-lettered message never succeeded, unless it did in a batch in flight at the restart whose second
        // delivery then failed to the end.
        Assert.All(successes.Keys.Intersect(deadLettered), body => Assert.Contains(body, inFlightAtRestart));
        Assert.All(twice, body => Assert.Contains(body, inFlightAtRestart));
        Assert.All(successes.Values, count => Assert.InRange(count, 1, 2));
    }

    private static async Task<string> SetUpQueuesAsync(AmazonSQSClient client)
    {
        // The handler's queue exists from the start; its dead-letter queue and redrive policy are set as a deploy would.
        var dlq = await client.CreateQueueAsync("work-dlq", Ct);
        var dlqArn = (await client.GetQueueAttributesAsync(dlq.QueueUrl, ["QueueArn"], Ct)).QueueARN;
        var url = (await client.GetQueueUrlAsync("work", Ct)).QueueUrl;
        await client.SetQueueAttributesAsync(url, new Dictionary<string, string>
        {
            // Short, so that failed messages come back quickly.
            ["VisibilityTimeout"] = "1",
            ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"{{MaxReceiveCount}}"}""",
        }, Ct);
        return url;
    }

    private static async Task<string> GetQueueUrlAsync(AmazonSQSClient client, string name, QueueAppProcess app)
    {
        string? url = null;
        await WaitUntilAsync(async () =>
        {
            try
            {
                url = (await client.GetQueueUrlAsync(name, Ct)).QueueUrl;
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, app);
        return url!;
    }

    private static Task WaitUntilAsync(Func<bool> condition, QueueAppProcess app) => WaitUntilAsync(() => Task.FromResult(condition()), app);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, QueueAppProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out; the emulator wrote:\n" + app.Output);
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<int> CountAsync(AmazonSQSClient client, string url)
    {
        var attributes = await client.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    private sealed record JournalLine(int ProcessId, string Kind, string Rest);

    private static List<JournalLine> Read(string journal) =>
        [.. File.ReadAllLines(journal).Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split(' ', 3);
            return new JournalLine(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts.Length > 2 ? parts[2] : "");
        })];
}
