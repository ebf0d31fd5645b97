using System.Text.Json;
using static Chalice.Events.FastEventReading;

namespace Chalice.Events;

/// <summary>
/// Reads an <see cref="SqsEvent"/> in one pass, faster than the general deserializer, for the same result: it reads
/// exactly the members the wire types model and gives up (null) on anything else, a member AWS always sends missing
/// included, so that <see cref="LambdaEventJson"/> falls back to the general deserializer. The messages of a batch
/// repeat most of their strings (the queue's ARN, the region, the attribute names, often the sender): each is reused
/// from the message before instead of allocated again.
/// </summary>
internal static class FastSqsEventReader
{
    /// <summary>SQS's data types, shared; a custom one (<c>Number.int</c>) is read as sent.</summary>
    private static readonly string[] s_dataTypes = ["String", "Number", "Binary"];

    /// <summary>Reads one message attribute (the serializer reads a <c>null</c> one as null: the fast path leaves that to it).</summary>
    private static readonly ValueReader<SqsMessageAttribute> s_readAttribute = (ref Utf8JsonReader reader, SqsMessageAttribute? previous, out SqsMessageAttribute value) =>
    {
        var read = TryReadModel<SqsMessageAttribute>(ref reader, ReadAttributeMember, out var attribute) && attribute is not null;
        value = attribute!;
        return read;
    };

    public static SqsEvent? TryRead(ReadOnlySpan<byte> json) =>
        TryReadEvent<BatchReading>(json, ReadEventMember) is { Records: { } records } ? new SqsEvent { Records = records } : null;

    /// <summary>What has been read of the batch so far.</summary>
    private sealed class BatchReading
    {
        public List<SqsMessage>? Records;
        public SqsMessage Current = null!;
        public SqsMessage? Previous;
        public RequiredMembers Seen;
    }

    /// <summary>The members of a message AWS always sends (<c>[JsonRequired]</c> on <see cref="SqsMessage"/>).</summary>
    [Flags]
    private enum RequiredMembers
    {
        None = 0,
        MessageId = 1,
        ReceiptHandle = 2,
        Body = 4,
        All = MessageId | ReceiptHandle | Body,
    }

    private static bool ReadEventMember(ref Utf8JsonReader reader, BatchReading batch)
    {
        if (!reader.ValueTextEquals("Records"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            return false;
        var records = new List<SqsMessage>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            batch.Current = new SqsMessage();
            batch.Seen = RequiredMembers.None;
            if (!TryReadMembers(ref reader, batch, ReadMessageMember) || batch.Seen != RequiredMembers.All)
                return false;
            records.Add(batch.Current);
            batch.Previous = batch.Current;
        }
        batch.Records = records;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool ReadMessageMember(ref Utf8JsonReader reader, BatchReading batch)
    {
        var (message, previous) = (batch.Current, batch.Previous);
        if (reader.ValueTextEquals("messageId"u8))
            return TryReadRequiredString(ref reader, out var v) && Seen(batch, RequiredMembers.MessageId) && Set(message.MessageId = v);
        if (reader.ValueTextEquals("receiptHandle"u8))
            return TryReadRequiredString(ref reader, out var v) && Seen(batch, RequiredMembers.ReceiptHandle) && Set(message.ReceiptHandle = v);
        if (reader.ValueTextEquals("body"u8))
            return TryReadRequiredString(ref reader, out var v) && Seen(batch, RequiredMembers.Body) && Set(message.Body = v);
        if (reader.ValueTextEquals("attributes"u8))
            return TryReadMap(ref reader, previous?.Attributes, out var v) && Set(message.Attributes = v);
        if (reader.ValueTextEquals("messageAttributes"u8))
            return TryReadMap(ref reader, previous?.MessageAttributes, s_readAttribute, out var v) && Set(message.MessageAttributes = v);
        if (reader.ValueTextEquals("md5OfBody"u8))
            return TryReadString(ref reader, out var v) && Set(message.Md5OfBody = v);
        if (reader.ValueTextEquals("md5OfMessageAttributes"u8))
            return TryReadString(ref reader, previous?.Md5OfMessageAttributes, out var v) && Set(message.Md5OfMessageAttributes = v);
        if (reader.ValueTextEquals("eventSource"u8))
            return TryReadString(ref reader, previous?.EventSource, out var v) && Set(message.EventSource = v);
        if (reader.ValueTextEquals("eventSourceARN"u8))
            return TryReadString(ref reader, previous?.EventSourceArn, out var v) && Set(message.EventSourceArn = v);
        if (reader.ValueTextEquals("awsRegion"u8))
            return TryReadString(ref reader, previous?.AwsRegion, out var v) && Set(message.AwsRegion = v);
        return false;
    }

    private static bool Seen(BatchReading batch, RequiredMembers member)
    {
        batch.Seen |= member;
        return true;
    }

    private static bool ReadAttributeMember(ref Utf8JsonReader reader, SqsMessageAttribute target)
    {
        if (reader.ValueTextEquals("stringValue"u8))
            return TryReadString(ref reader, out var v) && Set(target.StringValue = v);
        if (reader.ValueTextEquals("binaryValue"u8))
            return TryReadBytes(ref reader, out var v) && Set(target.BinaryValue = v);
        if (reader.ValueTextEquals("stringListValues"u8))
            return TryReadList(ref reader, out var v) && Set(target.StringListValues = v);
        if (reader.ValueTextEquals("binaryListValues"u8))
            return TryReadBytesList(ref reader, out var v) && Set(target.BinaryListValues = v);
        if (reader.ValueTextEquals("dataType"u8))
            return TryReadString(ref reader, s_dataTypes, out var v) && Set(target.DataType = v);
        return false;
    }
}
