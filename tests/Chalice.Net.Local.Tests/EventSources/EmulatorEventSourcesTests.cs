using Amazon.S3.Model;
using Amazon.SQS;
using Chalice.Local.Tests.S3;
using Chalice.Local.Tests.Sqs;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// The whole event-driven acceptance app (tests/TestApps/EventsApp) inside the emulator: an S3 upload to the bucket
/// its S3 handler names (declared nowhere else) invokes it, a queue message reaches its SQS handler through the event
/// source mapping, a publish to its topic reaches its SNS handler through a lambda subscription, and the banner names
/// the routes, functions, schedules and what invokes each. The handlers log what they saw ("Resize saw …").
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EmulatorEventSourcesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RunningEmulator Emulator, StringWriter Log)> StartAsync(EmulatorOptions? options = null)
    {
        var log = new StringWriter();
        var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.EventsApp.App>(),
            (options ?? new EmulatorOptions()) with { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}") },
            function: null, logOutput: TextWriter.Synchronized(log), Ct);
        await emulator.LocalAwsReady;
        return (emulator, log);
    }

    private static async Task WaitForLogAsync(StringWriter log, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!log.ToString().Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' never logged; the log:\n{log}");
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task An_upload_to_the_handlers_bucket_invokes_the_S3_handler_with_the_key_decoded()
    {
        var (emulator, log) = await StartAsync();
        await using (emulator)
        {
            using var s3 = S3TestClients.For(emulator.S3Endpoint!);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/café 1.jpg", ContentBody = "jpeg" }, Ct);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "photos/notes.txt", ContentBody = "no" }, Ct);

            await WaitForLogAsync(log, "Resize saw ObjectCreated:Put uploads/photos/café 1.jpg");
            await emulator.EventSources.Invoker.WhenIdleAsync();
            Assert.DoesNotContain("notes.txt", log.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_message_on_the_handlers_queue_reaches_the_SQS_handler_and_only_its_failures_stay()
    {
        var (emulator, log) = await StartAsync();
        await using (emulator)
        {
            using var sqs = SqsTestClients.For(emulator.SqsEndpoint!);
            var url = (await sqs.GetQueueUrlAsync("orders", Ct)).QueueUrl; // exists: the handler names it
            var failing = await sqs.SendMessageAsync(url, "please fail", Ct);
            await sqs.SendMessageAsync(url, "fine", Ct);

            await WaitForLogAsync(log, $"Order message {failing.MessageId} failed");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            int remaining;
            do
            {
                var attributes = await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], Ct);
                remaining = attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
                await Task.Delay(20, Ct);
            }
            while (remaining != 1 && DateTime.UtcNow < deadline);
            Assert.Equal(1, remaining); // the reported failure waits for its visibility timeout; the other was deleted
        }
    }

    [Fact]
    public async Task A_publish_to_the_handlers_topic_reaches_the_SNS_handler()
    {
        var (emulator, log) = await StartAsync();
        await using (emulator)
        {
            using var http = new HttpClient();
            using var response = await http.PostAsync(emulator.SnsEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = "Publish",
                ["Version"] = "2010-03-31",
                ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:alerts",
                ["Subject"] = "ops",
                ["Message"] = "disk full",
            }), Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));

            await WaitForLogAsync(log, "alert saw ops: disk full");
        }
    }

    [Fact]
    public async Task The_banner_names_routes_functions_schedules_with_their_next_time_and_what_invokes_each()
    {
        var (emulator, _) = await StartAsync();
        await using (emulator)
        {
            var banner = emulator.BannerLines().ToList();

            Assert.Equal("Routes: GET /", banner[0]);
            Assert.Contains(banner, l => l.StartsWith("Functions: every_five_minutes (schedule), Nightly (schedule), Resize (S3), ProcessOrders (SQS), alert (SNS)", StringComparison.Ordinal));
            Assert.Contains(banner, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  schedule Nightly: cron\(0 3 \* \* \? \*\), next at \d{4}-\d\d-\d\dT03:00:00Z$"));
            Assert.Contains("  S3 Resize: s3:ObjectCreated:* in bucket uploads, keys photos/*.jpg", banner);
            Assert.Contains("  SQS ProcessOrders: queue orders, batches of up to 10 (window 1 s), 5 at once", banner);
            Assert.Contains("  SNS alert: topic alerts", banner);
            Assert.Contains("Named by the app's handlers, so created too: buckets uploads; queues orders; topics alerts", banner);
            Assert.Contains("  Clicks: no local source for Kinesis events; run it with chalice-net invoke Clicks", banner);
        }
        var (quiet, _) = await StartAsync(new EmulatorOptions { RunSchedules = false });
        await using (quiet)
            Assert.Contains("  schedule Nightly: cron(0 3 * * ? *), off (--no-schedules)", quiet.BannerLines());
        var (real, _) = await StartAsync(new EmulatorOptions { UseRealAws = true });
        await using (real)
        {
            var banner = real.BannerLines().ToList();
            Assert.Contains("  Resize: not invoked here with real AWS (its events go to the deployed function); run it with chalice-net invoke Resize", banner);
            Assert.Contains(banner, l => l.StartsWith("  schedule Nightly: cron(0 3 * * ? *), next at ", StringComparison.Ordinal));
        }
    }
}
