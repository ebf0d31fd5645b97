using Amazon.SQS.Model;
using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;

namespace Chalice.Local.Tests.Sqs;

/// <summary>Queues and messages survive a restart and a crash; the journal is never left unreadable.</summary>
public sealed class SqsPersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queues_messages_and_receive_counts_survive_a_restart_and_messages_in_flight_are_visible_again()
    {
        await using var session = await SqsStandInSession.StartAsync();
        string[] bodies = ["one", "two", "three"];
        using (var sqs = SqsTestClients.For(session.Endpoint))
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "kept", Attributes = new() { ["VisibilityTimeout"] = "600" }, Tags = new() { ["t"] = "v" } }, Ct)).QueueUrl;
            foreach (var body in bodies)
                await sqs.SendMessageAsync(url, body, Ct);
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 }, Ct);
            await sqs.DeleteMessageAsync(url, received.Messages.Single(m => m.Body == "one").ReceiptHandle, Ct);
            // "two" and "three" are in flight for ten minutes.
        }

        await session.RestartAsync();

        using var after = SqsTestClients.For(session.Endpoint);
        var queue = (await after.GetQueueUrlAsync("kept", Ct)).QueueUrl;
        var attributes = await after.GetQueueAttributesAsync(queue, ["VisibilityTimeout", "ApproximateNumberOfMessages"], Ct);
        var again = await after.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["ApproximateReceiveCount"] }, Ct);

        Assert.Equal(600, attributes.VisibilityTimeout);
        Assert.Equal(2, attributes.ApproximateNumberOfMessages);
        Assert.Equal(["three", "two"], again.Messages.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.All(again.Messages, m => Assert.Equal("2", m.Attributes["ApproximateReceiveCount"]));
        Assert.Equal("v", (await after.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = queue }, Ct)).Tags["t"]);
    }

    [Fact]
    public async Task Fifo_deduplication_and_sequence_numbers_carry_over_a_restart()
    {
        await using var session = await SqsStandInSession.StartAsync("ordered.fifo");
        string firstSequence;
        using (var sqs = SqsTestClients.For(session.Endpoint))
        {
            var url = (await sqs.GetQueueUrlAsync("ordered.fifo", Ct)).QueueUrl;
            firstSequence = (await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = "a", MessageGroupId = "g", MessageDeduplicationId = "d" }, Ct)).SequenceNumber;
            var handle = (await sqs.ReceiveMessageAsync(url, Ct)).Messages[0].ReceiptHandle;
            await sqs.DeleteMessageAsync(url, handle, Ct);
        }

        await session.RestartAsync();

        using var after = SqsTestClients.For(session.Endpoint);
        var queue = (await after.GetQueueUrlAsync("ordered.fifo", Ct)).QueueUrl;
        await after.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = "a again", MessageGroupId = "g", MessageDeduplicationId = "d" }, Ct);
        var next = await after.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = "b", MessageGroupId = "g", MessageDeduplicationId = "e" }, Ct);
        var delivered = await after.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = 10 }, Ct);

        Assert.Equal(["b"], delivered.Messages.Select(m => m.Body));
        Assert.True(decimal.Parse(next.SequenceNumber, System.Globalization.CultureInfo.InvariantCulture) > decimal.Parse(firstSequence, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_acknowledged_send_is_on_disk_when_the_process_dies_and_a_torn_tail_is_cut_off()
    {
        using var copy = new TemporaryDirectory();
        await using var session = await SqsStandInSession.StartAsync("crash");
        using (var sqs = SqsTestClients.For(session.Endpoint))
        {
            var url = (await sqs.GetQueueUrlAsync("crash", Ct)).QueueUrl;
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => sqs.SendMessageAsync(url, $"message {i}", Ct)));
            // What a crash right now would leave: the files as they are, while the stand-in still runs.
            CopyDirectory(session.DataDirectory, copy.Path);
        }
        var journal = Path.Combine(copy.Path, "crash", "messages.journal");
        await File.AppendAllTextAsync(journal, "\u0042\u0000\u0000\u0000torn record from a write cut short", Ct);
        var tornLength = new FileInfo(journal).Length;

        await using var recovered = await SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = copy.Path }, Ct);
        var recoveredLength = new FileInfo(journal).Length;
        using var client = SqsTestClients.For(recovered.Endpoint);
        var queue = (await client.GetQueueUrlAsync("crash", Ct)).QueueUrl;
        var bodies = new List<string>();
        for (var i = 0; i < 40 && bodies.Count < 200; i++)
            bodies.AddRange((await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = 10 }, Ct)).Messages?.Select(m => m.Body) ?? []);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"message {i}").Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
        Assert.True(recoveredLength < tornLength, "the torn record should have been cut off");
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            // The journal is open for writing; read it as a crash would leave it, sharing the handle.
            using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var output = File.Create(Path.Combine(destination, Path.GetRelativePath(source, file)));
            input.CopyTo(output);
        }
    }
}
