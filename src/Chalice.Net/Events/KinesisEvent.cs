// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A batch of records Lambda read from a Kinesis data stream (Chalice's <c>KinesisEvent</c>). A handler may report
/// the records it failed with a <see cref="BatchResponse"/>; Lambda then retries from the first of them.
/// </summary>
public sealed class KinesisEvent
{
    [JsonPropertyName("Records"), JsonRequired] public List<KinesisEventRecord> Records { get; set; } = [];

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One stream record and where it came from (Chalice's <c>KinesisRecord</c>: its data is in <see cref="Kinesis"/>).</summary>
public sealed class KinesisEventRecord
{
    [JsonPropertyName("kinesis"), JsonRequired] public KinesisRecord Kinesis { get; set; } = new();

    /// <summary><c>aws:kinesis</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }

    /// <summary>The shard id and the sequence number, e.g. <c>shardId-000000000000:4956…</c>.</summary>
    [JsonPropertyName("eventID")] public string? EventId { get; set; }

    /// <summary><c>aws:kinesis:record</c>.</summary>
    [JsonPropertyName("eventName")] public string? EventName { get; set; }

    /// <summary>The role Lambda read the stream with.</summary>
    [JsonPropertyName("invokeIdentityArn")] public string? InvokeIdentityArn { get; set; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The record as the producer put it on the stream.</summary>
public sealed class KinesisRecord
{
    [JsonPropertyName("kinesisSchemaVersion")] public string? KinesisSchemaVersion { get; set; }

    /// <summary>The key the producer chose; it decides the shard.</summary>
    [JsonPropertyName("partitionKey"), JsonRequired] public string PartitionKey { get; set; } = "";

    /// <summary>The record's place in its shard: what <see cref="BatchResponse"/> reports when it fails.</summary>
    [JsonPropertyName("sequenceNumber"), JsonRequired] public string SequenceNumber { get; set; } = "";

    /// <summary>The record's bytes, decoded from the base64 they travel in (Chalice's <c>record.data</c>).</summary>
    [JsonPropertyName("data"), JsonRequired] public byte[] Data { get; set; } = [];

    /// <summary>When the stream accepted the record (UTC; AWS sends seconds since the epoch, with milliseconds).</summary>
    [JsonPropertyName("approximateArrivalTimestamp"), JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? ApproximateArrivalTimestamp { get; set; }

    /// <summary><c>KMS</c> when the stream encrypts records at rest.</summary>
    [JsonPropertyName("encryptionType")] public string? EncryptionType { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
