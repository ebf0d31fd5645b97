using System.Text.Json.Serialization;
using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// One message in a queue: what was sent (immutable, and what the journal records) and its delivery state. A message
/// is available when <see cref="VisibleAt"/> has passed; before its first receive that time is the end of its delay,
/// afterwards the end of its visibility timeout, so "in flight" is simply "received and not yet visible again".
/// </summary>
internal sealed class QueueMessage
{
    public required string Id { get; init; }
    public required string Body { get; init; }
    public required string Md5OfBody { get; init; }
    public Dictionary<string, WireMessageAttribute>? Attributes { get; init; }
    public string? Md5OfAttributes { get; init; }
    public Dictionary<string, WireMessageAttribute>? SystemAttributes { get; init; }
    public string? Md5OfSystemAttributes { get; init; }

    /// <summary>When the message was first sent, in Unix milliseconds; kept when it moves to a dead-letter queue.</summary>
    public required long SentTimestamp { get; init; }

    public required string SenderId { get; init; }
    public string? GroupId { get; init; }
    public string? DeduplicationId { get; init; }
    public string? SequenceNumber { get; init; }

    /// <summary>The queue a dead-letter queue's message was moved from.</summary>
    public string? DeadLetterQueueSourceArn { get; init; }

    /// <summary>Unix milliseconds from which the message can be received.</summary>
    public long VisibleAt { get; set; }

    public int ReceiveCount { get; set; }

    public long? FirstReceiveTimestamp { get; set; }

    /// <summary>The receive whose visibility timeout is running (its receipt handles may extend it), in Unix ms.</summary>
    [JsonIgnore] public long LastReceivedAt { get; set; }

    public bool IsInFlight(long now) => ReceiveCount > 0 && VisibleAt > now;

    public bool IsDelayed(long now) => ReceiveCount == 0 && VisibleAt > now;

    public bool IsAvailable(long now) => VisibleAt <= now;

    /// <summary>The bytes SQS counts against <c>MaximumMessageSize</c>: the body and each attribute's name, type and value.</summary>
    public static long SizeOf(string body, IReadOnlyDictionary<string, WireMessageAttribute>? attributes)
    {
        long size = System.Text.Encoding.UTF8.GetByteCount(body);
        foreach (var (name, value) in attributes ?? new Dictionary<string, WireMessageAttribute>())
        {
            size += System.Text.Encoding.UTF8.GetByteCount(name) + System.Text.Encoding.UTF8.GetByteCount(value.DataType ?? "");
            size += value.StringValue is { } s ? System.Text.Encoding.UTF8.GetByteCount(s) : value.BinaryValue?.Length ?? 0;
        }
        return size;
    }

    /// <summary>A copy that moves to a dead-letter queue: same id, body, attributes and send time, as SQS keeps them.</summary>
    public QueueMessage MovedTo(string sourceQueueArn) => new()
    {
        Id = Id,
        Body = Body,
        Md5OfBody = Md5OfBody,
        Attributes = Attributes,
        Md5OfAttributes = Md5OfAttributes,
        SystemAttributes = SystemAttributes,
        Md5OfSystemAttributes = Md5OfSystemAttributes,
        SentTimestamp = SentTimestamp,
        SenderId = SenderId,
        GroupId = GroupId,
        DeduplicationId = DeduplicationId,
        SequenceNumber = SequenceNumber,
        DeadLetterQueueSourceArn = sourceQueueArn,
        ReceiveCount = ReceiveCount,
        FirstReceiveTimestamp = FirstReceiveTimestamp,
    };
}
