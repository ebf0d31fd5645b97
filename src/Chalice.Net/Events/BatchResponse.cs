using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// What an SQS, Kinesis or DynamoDB stream handler returns to report the records it failed, so that only those are
/// retried (the event source mapping must have <c>ReportBatchItemFailures</c> on). A handler that throws fails the
/// whole batch instead. No failures, or no response at all, means every record succeeded. Each source identifies a
/// record differently: <see cref="AddFailure(SqsMessage)"/> and its overloads pick the right identifier.
/// </summary>
/// <remarks>
/// AWS: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
/// and https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html (Lambda fails the whole
/// batch when an identifier is null, empty or not one of the batch's).
/// </remarks>
public sealed class BatchResponse
{
    /// <summary>The records that failed.</summary>
    [JsonPropertyName("batchItemFailures")] public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

    /// <summary>Members this version does not model, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A response that reports these identifiers as failed.</summary>
    public static BatchResponse Failures(IEnumerable<string> itemIdentifiers) =>
        new() { BatchItemFailures = [.. itemIdentifiers.Select(id => new BatchItemFailure(id))] };

    /// <summary>Reports a record as failed by its identifier.</summary>
    public void AddFailure(string itemIdentifier) => BatchItemFailures.Add(new BatchItemFailure(itemIdentifier));

    /// <summary>Reports an SQS message as failed (by its message id).</summary>
    public void AddFailure(SqsMessage message) => AddFailure(message.MessageId);

    /// <summary>Reports a Kinesis record as failed (by its sequence number).</summary>
    public void AddFailure(KinesisEventRecord record) => AddFailure(record.Kinesis.SequenceNumber);

    /// <summary>Reports a DynamoDB stream record as failed (by its sequence number).</summary>
    public void AddFailure(DynamoDBEventRecord record) => AddFailure(record.DynamoDB.SequenceNumber);
}

/// <summary>One failed record of a batch.</summary>
public sealed class BatchItemFailure
{
    /// <summary>A failure for nothing yet; set <see cref="ItemIdentifier"/>.</summary>
    public BatchItemFailure()
    {
    }

    /// <summary>A failure of the record with this identifier.</summary>
    [SetsRequiredMembers]
    public BatchItemFailure(string itemIdentifier) => ItemIdentifier = itemIdentifier;

    /// <summary>The SQS message id, or the Kinesis or DynamoDB sequence number, of the failed record.</summary>
    [JsonPropertyName("itemIdentifier")] public required string ItemIdentifier { get; set; }

    /// <summary>Members this version does not model, kept so that a round trip loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
