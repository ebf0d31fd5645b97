using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Configuration;
using Chalice.Local.Sqs;
using Chalice.Local.Sns;
using Chalice.Local.Tests.S3;

namespace Chalice.Local.Tests.Sqs;

/// <summary>
/// The emulator starts the SQS and SNS stand-ins with the declared queues and topics and points unconfigured SDK clients
/// at them through <c>AWS_ENDPOINT_URL_SQS</c>/<c>AWS_ENDPOINT_URL_SNS</c>; <c>local_aws: false</c> leaves them out.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SqsEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declared_queues_and_topics_exist_at_start_and_an_unconfigured_client_reaches_them()
    {
        var folder = EmulatorHarness.AppFolder("""{ "local_sqs_queues": ["jobs", "jobs-dlq", "ordered.fifo"], "local_sns_topics": ["events"] }""");
        await using (var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder }))
        {
            await emulator.LocalAwsReady;
            Assert.Equal(["jobs", "jobs-dlq", "ordered.fifo"], emulator.SqsQueues);
            Assert.Equal(["events"], emulator.SnsTopics);
            Assert.Equal(emulator.SqsEndpoint!.ToString().TrimEnd('/'), Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SQS"));
            Assert.Equal(emulator.SnsEndpoint!.ToString().TrimEnd('/'), Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SNS"));
            Assert.Contains(emulator.LocalAws!.BannerLines(), l => l == "SQS queues: jobs, jobs-dlq, ordered.fifo (from \"local_sqs_queues\")");
            Assert.Contains(emulator.LocalAws!.BannerLines(), l => l == "SNS topics: events (from \"local_sns_topics\")");

            // As app code writes it: no endpoint, no credentials.
            using var sqs = new AmazonSQSClient();
            var url = (await sqs.GetQueueUrlAsync("jobs", Ct)).QueueUrl;
            await sqs.SendMessageAsync(url, "from the app", Ct);
            var fifo = await sqs.GetQueueAttributesAsync((await sqs.GetQueueUrlAsync("ordered.fifo", Ct)).QueueUrl, ["FifoQueue"], Ct);
            Assert.True(fifo.FifoQueue);
            await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync("undeclared", Ct));
        }
        Assert.True(File.Exists(Path.Combine(folder, ".chalice", "local", "sqs", "jobs", "messages.journal")));
        Assert.True(File.Exists(Path.Combine(folder, ".chalice", "local", "sns", "topics.json")));
    }

    [Fact]
    public async Task Local_aws_false_starts_no_stand_in()
    {
        var folder = EmulatorHarness.AppFolder("""{ "local_aws": false, "local_sqs_queues": ["jobs"] }""");
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });

        Assert.Null(emulator.SqsEndpoint);
        Assert.Null(emulator.SnsEndpoint);
        Assert.Empty(emulator.SqsQueues);
        Assert.False(Directory.Exists(Path.Combine(folder, ".chalice", "local")));
    }

    [Fact]
    public async Task Local_data_that_cannot_be_read_is_one_clear_error_saying_what_to_do()
    {
        var folder = EmulatorHarness.AppFolder("{}");
        var queue = Directory.CreateDirectory(Path.Combine(folder, ".chalice", "local", "sqs", "broken"));
        await File.WriteAllTextAsync(Path.Combine(queue.FullName, "queue.json"), "{ not json", Ct);
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });

        var error = await Assert.ThrowsAsync<IOException>(() => emulator.LocalAwsReady);

        Assert.StartsWith($"The local AWS data under {Path.Combine(folder, ".chalice", "local")} cannot be opened (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("move the folder away to start with empty stand-ins.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "local_sqs_queues": ["top"] }""", "dev", new[] { "top" })]
    [InlineData("""{ "local_sqs_queues": ["top"], "stages": { "dev": { "local_sqs_queues": ["a.fifo", "b", "a.fifo"] } } }""", "dev", new[] { "a.fifo", "b" })]
    [InlineData("""{ "stages": { "dev": { "local_sqs_queues": ["only-dev"] } } }""", "prod", new string[0])]
    public void Declared_queues_come_from_the_top_level_or_the_stage_and_the_stage_wins(string config, string stage, string[] expected) =>
        Assert.Equal(expected, LocalSqsQueues.Of(ChaliceConfig.Parse(config).ForStage(stage)));

    [Theory]
    [InlineData("""{ "local_sqs_queues": ["has space"] }""",
        """.chalice/config.json: "local_sqs_queues" lists "has space", which is not a valid SQS queue name (1 to 80 letters, digits, hyphens and underscores; a FIFO queue's name ends with .fifo).""")]
    [InlineData("""{ "local_sqs_queues": "jobs" }""", ".chalice/config.json: \"local_sqs_queues\" must be a list of strings, not \"jobs\"")]
    public void A_malformed_queue_declaration_is_one_clear_line(string config, string message) =>
        Assert.Equal(message, Assert.Throws<ChaliceConfigException>(() => LocalSqsQueues.Of(ChaliceConfig.Parse(config).ForStage("dev"))).Message);

    [Fact]
    public void A_malformed_topic_declaration_is_one_clear_line() =>
        Assert.Equal(
            """.chalice/config.json: "local_sns_topics" lists "a/b", which is not a valid SNS topic name (1 to 256 letters, digits, hyphens and underscores; a FIFO topic's name ends with .fifo).""",
            Assert.Throws<ChaliceConfigException>(() => LocalSnsTopics.Of(ChaliceConfig.Parse("""{ "local_sns_topics": ["a/b"] }""").ForStage("dev"))).Message);
}
