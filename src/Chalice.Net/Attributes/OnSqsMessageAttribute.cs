using Chalice.Functions;

namespace Chalice;

/// <summary>
/// Runs the method for messages of an SQS queue (Chalice's <c>on_sqs_message</c>): an event source mapping sends it
/// batches as <see cref="Events.SqsEvent"/>. Return a <see cref="Events.BatchResponse"/> to fail only some messages;
/// throwing fails the whole batch.
/// </summary>
/// <example><c>[OnSqsMessage("orders", BatchSize = 10)]</c>, <c>[OnSqsMessage(QueueArn = "arn:aws:sqs:…:orders")]</c></example>
public sealed class OnSqsMessageAttribute : FunctionAttribute
{
    /// <summary>A queue named by <see cref="QueueArn"/>.</summary>
    public OnSqsMessageAttribute()
    {
    }

    /// <summary>A queue of the app's account and region, by name.</summary>
    public OnSqsMessageAttribute(string queue) => Queue = queue;

    /// <summary>The queue's name (Chalice's <c>queue</c>).</summary>
    public string? Queue { get; }

    /// <summary>The queue's ARN instead of its name, e.g. for a queue of another account (Chalice's <c>queue_arn</c>).</summary>
    public string? QueueArn { get; set; }

    /// <summary>How many messages a batch holds at most (default 1, as Chalice; up to 10,000, 10 for FIFO queues).</summary>
    public int BatchSize { get; set; } = EventSourceDefaults.SqsBatchSize;

    /// <summary>How long Lambda gathers messages before it invokes (0 to 300 seconds; at least 1 for a batch size above 10).</summary>
    public int MaximumBatchingWindowInSeconds { get; set; } = EventSourceDefaults.MaximumBatchingWindowInSeconds;

    /// <summary>How many invocations may run at once for this queue (2 to 1,000); 0, the default, leaves it to Lambda.</summary>
    public int MaximumConcurrency { get; set; } = EventSourceDefaults.UnsetMaximumConcurrency;
}
