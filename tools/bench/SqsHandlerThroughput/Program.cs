// Messages per second through a no-op SQS handler (batch size 10) inside the emulator, and p50/p99 latency from
// SendMessage to the handler's start, through the real AWSSDK.SQS client:
//   throughput  a backlog of 10,000 messages, sent to the stand-in before the emulator starts (so that sending does not
//               bound it), drained by the event source mapping (5 concurrent batches): from the handler's first start to
//               the last message processed
//   latency     one message at a time, 20 ms apart, 500 messages: SendMessage's call to the handler's start
// The emulator runs in this process (as `dotnet run` hosts it), its log discarded.
// Usage: dotnet SqsHandlerThroughput.dll
using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Hosting;
using Chalice.Local;
using Chalice.Local.Sqs;
using SqsHandlerThroughput;

const int Backlog = 10_000;
const int LatencySamples = 500;
var folder = Directory.CreateTempSubdirectory("sqs-handler-bench-").FullName;
Directory.CreateDirectory(Path.Combine(folder, ".chalice"));
File.WriteAllText(Path.Combine(folder, ".chalice", "config.json"), """{"version": "2.0", "app_name": "sqsbench"}""");
var output = Console.Out;
Console.SetOut(TextWriter.Null); // the emulator's banner and log lines
try
{
    // The backlog, written by the stand-in alone into the data folder the emulator's stand-in then opens.
    await using (var standIn = await SqsStandIn.StartAsync(new SqsStandInOptions
    {
        DataDirectory = Path.Combine(folder, ".chalice", "local", "sqs"), KnownQueues = [App.Queue],
    }))
    {
        using var filler = Client(standIn.Endpoint);
        await SendBatchesAsync(filler, (await filler.GetQueueUrlAsync(App.Queue)).QueueUrl, Backlog, clients: 8);
    }

    await using var emulator = await LocalEmulator.StartAsync(Definition<App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder, RunSchedules = false });
    while (App.Processed == 0)
        await Task.Delay(1);
    var draining = Stopwatch.StartNew();
    await WaitForAsync(Backlog);
    var throughput = Backlog / draining.Elapsed.TotalSeconds;

    using var sqs = Client(emulator.SqsEndpoint!);
    var url = (await sqs.GetQueueUrlAsync(App.Queue)).QueueUrl;
    App.Latencies.Clear();
    for (var i = 0; i < LatencySamples; i++)
    {
        await sqs.SendMessageAsync(url, Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture));
        await Task.Delay(20);
    }
    await WaitForAsync(Backlog + LatencySamples);
    var latencies = App.Latencies.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();

    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"no-op SQS handler, batch size 10: {throughput:F0} messages/s (a backlog of {Backlog} drained by the event source mapping)"));
    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SendMessage to handler start ({latencies.Length} messages, one at a time): p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms"));
}
finally
{
    Console.SetOut(output);
    Directory.Delete(folder, recursive: true);
}

static AmazonSQSClient Client(Uri endpoint) => new(new BasicAWSCredentials("bench", "bench"), new AmazonSQSConfig
{
    ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
});

static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static async Task WaitForAsync(long processed)
{
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (App.Processed < processed)
    {
        if (DateTime.UtcNow > deadline)
            throw new TimeoutException($"{App.Processed} of {processed} messages processed after 2 minutes");
        await Task.Delay(5);
    }
}

static async Task SendBatchesAsync(IAmazonSQS sqs, string url, int messages, int clients)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (Interlocked.Add(ref next, 10) < messages)
        {
            var entries = Enumerable.Range(0, 10)
                .Select(i => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture)))
                .ToList();
            await sqs.SendMessageBatchAsync(url, entries);
        }
    }));
}
