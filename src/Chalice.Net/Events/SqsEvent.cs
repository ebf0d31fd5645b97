// Members mirror AWS's JSON field names one for one; AWS's documentation describes them:
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
// [JsonRequired] marks what AWS always sends (LambdaEventJsonContext says why not C#'s required).
#pragma warning disable CS1591
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// A batch of messages Lambda read from an SQS queue (Chalice's <c>SQSEvent</c>). A handler may report the messages
/// it failed with a <see cref="BatchResponse"/>; the others are deleted from the queue.
/// </summary>
public sealed class SqsEvent
{
    [JsonPropertyName("Records"), JsonRequired] public List<SqsMessage> Records { get; set; } = [];

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One SQS message (Chalice's <c>SQSRecord</c>).</summary>
public sealed class SqsMessage
{
    /// <summary>The message's id: what <see cref="BatchResponse"/> reports when it fails.</summary>
    [JsonPropertyName("messageId"), JsonRequired] public string MessageId { get; set; } = "";

    /// <summary>The handle that deletes this receipt of the message, or changes its visibility.</summary>
    [JsonPropertyName("receiptHandle"), JsonRequired] public string ReceiptHandle { get; set; } = "";

    /// <summary>The message body, as sent.</summary>
    [JsonPropertyName("body"), JsonRequired] public string Body { get; set; } = "";

    /// <summary>
    /// The system attributes: <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c> (epoch milliseconds),
    /// <c>SenderId</c>, <c>ApproximateFirstReceiveTimestamp</c>, and for FIFO queues <c>MessageGroupId</c>,
    /// <c>MessageDeduplicationId</c>, <c>SequenceNumber</c>.
    /// </summary>
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>The attributes the sender set on the message.</summary>
    [JsonPropertyName("messageAttributes")] public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; set; }

    [JsonPropertyName("md5OfBody")] public string? Md5OfBody { get; set; }
    [JsonPropertyName("md5OfMessageAttributes")] public string? Md5OfMessageAttributes { get; set; }

    /// <summary><c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    /// <summary>The queue's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; set; }

    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A message attribute set by the sender: a string, a number (as a string) or binary value.</summary>
public sealed class SqsMessageAttribute
{
    [JsonPropertyName("stringValue")] public string? StringValue { get; set; }

    /// <summary>The binary value, decoded from the base64 it travels in.</summary>
    [JsonPropertyName("binaryValue")] public byte[]? BinaryValue { get; set; }

    [JsonPropertyName("stringListValues")] public List<string>? StringListValues { get; set; }
    [JsonPropertyName("binaryListValues")] public List<byte[]>? BinaryListValues { get; set; }

    /// <summary><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix (<c>Number.int</c>).</summary>
    [JsonPropertyName("dataType")] public string? DataType { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
