using System.Text.Json.Serialization;

namespace Chalice.Local.Sqs.Protocol;

// The request and response members of the SQS operations the stand-in serves, named as on the wire
// (shared/fixtures/aws-models/sqs/2012-11-05/service-2.json). Unknown members are ignored, as AWS JSON services do.

internal sealed class QueueUrlInput
{
    public string? QueueUrl { get; init; }
}

internal sealed class CreateQueueInput
{
    public string? QueueName { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; init; }
}

internal sealed class GetQueueUrlInput
{
    public string? QueueName { get; init; }
    public string? QueueOwnerAWSAccountId { get; init; }
}

internal sealed class ListQueuesInput
{
    public string? QueueNamePrefix { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

internal sealed class GetQueueAttributesInput
{
    public string? QueueUrl { get; init; }
    public List<string>? AttributeNames { get; init; }
}

internal sealed class SetQueueAttributesInput
{
    public string? QueueUrl { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }
}

internal sealed class TagQueueInput
{
    public string? QueueUrl { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
}

internal sealed class UntagQueueInput
{
    public string? QueueUrl { get; init; }
    public List<string>? TagKeys { get; init; }
}

internal sealed class ListDeadLetterSourceQueuesInput
{
    public string? QueueUrl { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

/// <summary>A message attribute as sent and received (<c>MessageAttributeValue</c>); binary values are base64 in JSON.</summary>
internal sealed class WireMessageAttribute
{
    public string? DataType { get; init; }
    public string? StringValue { get; init; }
    public byte[]? BinaryValue { get; init; }
    public List<string>? StringListValues { get; init; }
    public List<byte[]>? BinaryListValues { get; init; }
}

internal sealed class SendMessageInput
{
    public string? QueueUrl { get; init; }
    public string? MessageBody { get; init; }
    public int? DelaySeconds { get; init; }
    public Dictionary<string, WireMessageAttribute>? MessageAttributes { get; init; }
    public Dictionary<string, WireMessageAttribute>? MessageSystemAttributes { get; init; }
    public string? MessageDeduplicationId { get; init; }
    public string? MessageGroupId { get; init; }
}

internal sealed class SendMessageBatchEntryInput
{
    public string? Id { get; init; }
    public string? MessageBody { get; init; }
    public int? DelaySeconds { get; init; }
    public Dictionary<string, WireMessageAttribute>? MessageAttributes { get; init; }
    public Dictionary<string, WireMessageAttribute>? MessageSystemAttributes { get; init; }
    public string? MessageDeduplicationId { get; init; }
    public string? MessageGroupId { get; init; }
}

internal sealed class SendMessageBatchInput
{
    public string? QueueUrl { get; init; }
    public List<SendMessageBatchEntryInput>? Entries { get; init; }
}

internal sealed class ReceiveMessageInput
{
    public string? QueueUrl { get; init; }
    public List<string>? AttributeNames { get; init; }
    public List<string>? MessageSystemAttributeNames { get; init; }
    public List<string>? MessageAttributeNames { get; init; }
    public int? MaxNumberOfMessages { get; init; }
    public int? VisibilityTimeout { get; init; }
    public int? WaitTimeSeconds { get; init; }
    public string? ReceiveRequestAttemptId { get; init; }
}

internal sealed class DeleteMessageInput
{
    public string? QueueUrl { get; init; }
    public string? ReceiptHandle { get; init; }
}

internal sealed class ReceiptEntryInput
{
    public string? Id { get; init; }
    public string? ReceiptHandle { get; init; }
    public int? VisibilityTimeout { get; init; }
}

internal sealed class ReceiptBatchInput
{
    public string? QueueUrl { get; init; }
    public List<ReceiptEntryInput>? Entries { get; init; }
}

internal sealed class ChangeMessageVisibilityInput
{
    public string? QueueUrl { get; init; }
    public string? ReceiptHandle { get; init; }
    public int? VisibilityTimeout { get; init; }
}

internal sealed class QueueUrlOutput
{
    public required string QueueUrl { get; init; }
}

internal sealed class ListQueuesOutput
{
    public List<string>? QueueUrls { get; init; }
    public string? NextToken { get; init; }
}

internal sealed class ListDeadLetterSourceQueuesOutput
{
    [JsonPropertyName("queueUrls")] public required List<string> QueueUrls { get; init; }
    public string? NextToken { get; init; }
}

internal sealed class AttributesOutput
{
    public Dictionary<string, string>? Attributes { get; init; }
}

internal sealed class TagsOutput
{
    public Dictionary<string, string>? Tags { get; init; }
}

internal sealed class SendMessageOutput
{
    public required string MessageId { get; init; }
    public required string MD5OfMessageBody { get; init; }
    public string? MD5OfMessageAttributes { get; init; }
    public string? MD5OfMessageSystemAttributes { get; init; }
    public string? SequenceNumber { get; init; }
}

internal sealed class SendMessageBatchResultEntry
{
    public required string Id { get; init; }
    public required string MessageId { get; init; }
    public required string MD5OfMessageBody { get; init; }
    public string? MD5OfMessageAttributes { get; init; }
    public string? MD5OfMessageSystemAttributes { get; init; }
    public string? SequenceNumber { get; init; }
}

internal sealed class BatchResultErrorEntry
{
    public required string Id { get; init; }
    public required bool SenderFault { get; init; }
    public required string Code { get; init; }
    public string? Message { get; init; }
}

internal sealed class SendMessageBatchOutput
{
    public required List<SendMessageBatchResultEntry> Successful { get; init; }
    public required List<BatchResultErrorEntry> Failed { get; init; }
}

internal sealed class BatchEntryId
{
    public required string Id { get; init; }
}

internal sealed class IdBatchOutput
{
    public required List<BatchEntryId> Successful { get; init; }
    public required List<BatchResultErrorEntry> Failed { get; init; }
}

internal sealed class ReceivedMessage
{
    public required string MessageId { get; init; }
    public required string ReceiptHandle { get; init; }
    public required string MD5OfBody { get; init; }
    public required string Body { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }
    public string? MD5OfMessageAttributes { get; init; }
    public Dictionary<string, WireMessageAttribute>? MessageAttributes { get; init; }
}

internal sealed class ReceiveMessageOutput
{
    public List<ReceivedMessage>? Messages { get; init; }
}

internal sealed class EmptyOutput;

internal sealed class ErrorOutput
{
    [JsonPropertyName("__type")] public required string Type { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
}

/// <summary>The wire JSON of every SQS request and response the stand-in handles, generated at compile time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueueUrlInput))]
[JsonSerializable(typeof(CreateQueueInput))]
[JsonSerializable(typeof(GetQueueUrlInput))]
[JsonSerializable(typeof(ListQueuesInput))]
[JsonSerializable(typeof(GetQueueAttributesInput))]
[JsonSerializable(typeof(SetQueueAttributesInput))]
[JsonSerializable(typeof(TagQueueInput))]
[JsonSerializable(typeof(UntagQueueInput))]
[JsonSerializable(typeof(ListDeadLetterSourceQueuesInput))]
[JsonSerializable(typeof(SendMessageInput))]
[JsonSerializable(typeof(SendMessageBatchInput))]
[JsonSerializable(typeof(ReceiveMessageInput))]
[JsonSerializable(typeof(DeleteMessageInput))]
[JsonSerializable(typeof(ReceiptBatchInput))]
[JsonSerializable(typeof(ChangeMessageVisibilityInput))]
[JsonSerializable(typeof(QueueUrlOutput))]
[JsonSerializable(typeof(ListQueuesOutput))]
[JsonSerializable(typeof(ListDeadLetterSourceQueuesOutput))]
[JsonSerializable(typeof(AttributesOutput))]
[JsonSerializable(typeof(TagsOutput))]
[JsonSerializable(typeof(SendMessageOutput))]
[JsonSerializable(typeof(SendMessageBatchOutput))]
[JsonSerializable(typeof(IdBatchOutput))]
[JsonSerializable(typeof(ReceiveMessageOutput))]
[JsonSerializable(typeof(EmptyOutput))]
[JsonSerializable(typeof(ErrorOutput))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
