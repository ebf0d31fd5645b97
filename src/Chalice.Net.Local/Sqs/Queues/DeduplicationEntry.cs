namespace Chalice.Local.Sqs.Queues;

/// <summary>A FIFO send remembered for SQS's 5-minute deduplication interval: the message it created, and when.</summary>
internal sealed record DeduplicationEntry(string MessageId, string? SequenceNumber, long At)
{
    /// <summary>SQS's deduplication interval (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html).</summary>
    public const long IntervalMilliseconds = 5 * 60 * 1000;
}
