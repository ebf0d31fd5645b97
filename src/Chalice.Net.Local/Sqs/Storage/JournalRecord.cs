using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs.Storage;

/// <summary>One change to a queue's messages, as the journal keeps it.</summary>
internal sealed class JournalRecord
{
    public const string Sent = "sent";
    public const string Received = "received";
    public const string Deleted = "deleted";
    public const string Purged = "purged";
    public const string Deduplicated = "dedup";

    public required string Kind { get; init; }

    /// <summary>The message, for <see cref="Sent"/>.</summary>
    public QueueMessage? Message { get; init; }

    /// <summary>The message id, for <see cref="Received"/> and <see cref="Deleted"/>.</summary>
    public string? Id { get; init; }

    public int? ReceiveCount { get; init; }
    public long? FirstReceiveTimestamp { get; init; }

    /// <summary>For <see cref="Deduplicated"/>: a deduplication key still inside its 5-minute window.</summary>
    public string? DeduplicationKey { get; init; }
    public string? SequenceNumber { get; init; }
    public long? At { get; init; }

    public static JournalRecord ForSent(QueueMessage message) => new() { Kind = Sent, Message = message };

    public static JournalRecord ForReceived(QueueMessage message) => new()
    {
        Kind = Received, Id = message.Id, ReceiveCount = message.ReceiveCount, FirstReceiveTimestamp = message.FirstReceiveTimestamp,
    };

    public static JournalRecord ForDeleted(string id) => new() { Kind = Deleted, Id = id };

    public static JournalRecord ForPurged() => new() { Kind = Purged };

    public static JournalRecord ForDeduplication(string key, DeduplicationEntry entry) => new()
    {
        Kind = Deduplicated, DeduplicationKey = key, Id = entry.MessageId, SequenceNumber = entry.SequenceNumber, At = entry.At,
    };
}
