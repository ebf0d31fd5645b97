using System.Diagnostics;
using System.Globalization;
using Chalice;
using Chalice.Events;

namespace SqsHandlerThroughput;

/// <summary>A no-op SQS handler that notes, for each message, when it started relative to when the message was sent.</summary>
[ChaliceApp("sqsbench")]
public partial class App
{
    public const string Queue = "bench";

    /// <summary>Stopwatch ticks from each message's SendMessage call to the start of the handler that got it.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<long> Latencies = new();

    private static long s_processed;

    public static long Processed => Interlocked.Read(ref s_processed);

    /// <summary>The body is the Stopwatch timestamp taken just before the message was sent.</summary>
    [OnSqsMessage(Queue, BatchSize = 10)]
    public void NoOp(SqsEvent batch)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var message in batch.Records)
            Latencies.Enqueue(started - long.Parse(message.Body, CultureInfo.InvariantCulture));
        Interlocked.Add(ref s_processed, batch.Records.Count);
    }
}
