// SendMessage + ReceiveMessage + DeleteMessage round trips per second through the real AWSSDK.SQS client, against the
// local SQS stand-in (started here, in this process, as the emulator hosts it beside the app) and against the endpoint
// given as the first argument (moto, started by tools/bench/sqs-local.sh), in the same run:
//   sequential  one client, one message at a time: latency-bound, what a simple worker sees
//   parallel    8 clients at once: throughput, where the stand-in's group commit shares one fsync between senders
// Each phase warms up for 2 s (not measured), then measures for the given seconds. Every send is durable (fsync) before
// the stand-in answers, so its numbers include the disk.
// Usage: dotnet SqsRoundTrips.dll <other-endpoint> [seconds]
using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Chalice.Local.Sqs;

var other = new Uri(args.Length > 0 ? args[0] : throw new ArgumentException("usage: SqsRoundTrips <other-endpoint> [seconds]"));
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var data = Directory.CreateTempSubdirectory("sqs-round-trips-").FullName;
try
{
    await using var standIn = await SqsStandIn.StartAsync(new SqsStandInOptions { DataDirectory = data });
    var results = new List<(string Phase, double StandIn, double Other)>();
    foreach (var (phase, clients) in new[] { ("sequential", 1), ("parallel", 8) })
    {
        var local = await MeasureAsync(standIn.Endpoint, clients, seconds);
        var remote = await MeasureAsync(other, clients, seconds);
        results.Add((phase, local, remote));
    }
    Console.WriteLine($"{"phase",-11} {"stand-in rt/s",14} {"other rt/s",12} {"ratio",7}");
    foreach (var (phase, local, remote) in results)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-11} {local,14:F0} {remote,12:F0} {local / remote,7:F2}"));
}
finally
{
    Directory.Delete(data, recursive: true);
}

static async Task<double> MeasureAsync(Uri endpoint, int clients, double seconds)
{
    using var sqs = new AmazonSQSClient(new BasicAWSCredentials("bench", "bench"), new AmazonSQSConfig
    {
        ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
    });
    var name = $"bench-{clients}-{Guid.NewGuid():N}";
    var url = (await sqs.CreateQueueAsync(name)).QueueUrl;
    await RunAsync(sqs, url, clients, TimeSpan.FromSeconds(2));
    var clock = Stopwatch.StartNew();
    var count = await RunAsync(sqs, url, clients, TimeSpan.FromSeconds(seconds));
    var rate = count / clock.Elapsed.TotalSeconds;
    await sqs.DeleteQueueAsync(url);
    return rate;
}

// Each client sends a message, receives one and deletes it, until the time is up; returns the number of round trips.
static async Task<long> RunAsync(IAmazonSQS sqs, string url, int clients, TimeSpan duration)
{
    long count = 0;
    var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await sqs.SendMessageAsync(url, $"message from client {client}");
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 1 });
            foreach (var message in received.Messages ?? [])
                await sqs.DeleteMessageAsync(url, message.ReceiptHandle);
            Interlocked.Increment(ref count);
        }
    }));
    return count;
}
