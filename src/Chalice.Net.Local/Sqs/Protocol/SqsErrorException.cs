using System.Globalization;

namespace Chalice.Local.Sqs.Protocol;

/// <summary>
/// An SQS error response, thrown anywhere in request handling and rendered by <see cref="SqsRequestHandler"/>. SQS speaks
/// AWS JSON 1.0 with the <c>awsQueryCompatible</c> trait: the body's <c>__type</c> names the modelled error shape (the
/// SDK picks its exception class from it) and the <c>x-amzn-query-error</c> header carries the older query-protocol
/// code and fault (the SDK reports it as <c>ErrorCode</c>). Codes and statuses come from the <c>aws.protocols#awsQueryError</c>
/// and <c>smithy.api#httpError</c> traits of AWS's Smithy model of SQS
/// (https://github.com/aws/api-models-aws, models/sqs/service/2012-11-05/sqs-2012-11-05.json); errors the model does not
/// declare (<c>InvalidParameterValue</c>, <c>MissingParameter</c>) are SQS's common errors
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html).
/// </summary>
internal sealed class SqsErrorException(int statusCode, string shape, string code, string message) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The error shape's name, sent as <c>com.amazonaws.sqs#{Shape}</c> in <c>__type</c>.</summary>
    public string Shape { get; } = shape;

    /// <summary>The query-protocol code the SDK reports, e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Whether the caller is at fault (<c>Sender</c>) rather than the service (<c>Receiver</c>).</summary>
    public bool SenderFault => StatusCode < 500;

    public static SqsErrorException QueueDoesNotExist() =>
        new(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");

    public static SqsErrorException QueueNameExists(string attribute) =>
        new(400, "QueueNameExists", "QueueAlreadyExists",
            $"A queue already exists with the same name and a different value for attribute {attribute}");

    public static SqsErrorException QueueDeletedRecently() =>
        new(400, "QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently",
            "You must wait 60 seconds after deleting a queue before you can create another queue with the same name.");

    public static SqsErrorException InvalidAttributeName(string name) =>
        new(400, "InvalidAttributeName", "InvalidAttributeName", $"Unknown Attribute {name}.");

    public static SqsErrorException InvalidAttributeValue(string name, string reason) =>
        new(400, "InvalidAttributeValue", "InvalidAttributeValue", $"Invalid value for the parameter {name}. Reason: {reason}");

    public static SqsErrorException InvalidParameterValue(string message) =>
        new(400, "InvalidParameterValue", "InvalidParameterValue", message);

    public static SqsErrorException InvalidParameterValue(string parameter, object value, string reason) =>
        InvalidParameterValue(string.Create(CultureInfo.InvariantCulture, $"Value {value} for parameter {parameter} is invalid. Reason: {reason}"));

    public static SqsErrorException MissingParameter(string parameter) =>
        new(400, "MissingParameter", "MissingParameter", $"The request must contain the parameter {parameter}.");

    public static SqsErrorException InvalidMessageContents() =>
        new(400, "InvalidMessageContents", "InvalidMessageContents",
            "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");

    public static SqsErrorException ReceiptHandleIsInvalid(string handle) =>
        new(404, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    public static SqsErrorException EmptyBatchRequest(string entryName) =>
        new(400, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", $"There should be at least one {entryName} in the request.");

    public static SqsErrorException TooManyEntriesInBatchRequest(int count) =>
        new(400, "TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
            string.Create(CultureInfo.InvariantCulture, $"Maximum number of entries per request are 10. You have sent {count}."));

    public static SqsErrorException BatchEntryIdsNotDistinct(string id) =>
        new(400, "BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", $"Id {id} repeated.");

    public static SqsErrorException InvalidBatchEntryId() =>
        new(400, "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
            "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");

    public static SqsErrorException BatchRequestTooLong(long length, int limit) =>
        new(400, "BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong",
            string.Create(CultureInfo.InvariantCulture, $"Batch requests cannot be longer than {limit} bytes. You have sent {length} bytes."));

    public static SqsErrorException PurgeQueueInProgress(string queueArn) =>
        new(403, "PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress",
            $"Only one PurgeQueue operation on {queueArn} is allowed every 60 seconds.");

    public static SqsErrorException UnsupportedOperation(string what) =>
        new(400, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation",
            $"{what} is not supported by the local SQS stand-in.");

    /// <summary>The request body is not the JSON the operation takes (AWS JSON protocol's framework error).</summary>
    public static SqsErrorException SerializationException(string detail) =>
        new(400, "SerializationException", "SerializationException", detail);

    /// <summary><c>X-Amz-Target</c> names no SQS operation.</summary>
    public static SqsErrorException UnknownOperation(string target) =>
        new(400, "UnknownOperationException", "UnknownOperationException", $"The operation '{target}' is not an Amazon SQS operation.");
}
