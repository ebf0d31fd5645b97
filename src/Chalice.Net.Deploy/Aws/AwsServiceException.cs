using System.Net;

namespace Chalice.Deploy.Aws;

/// <summary>
/// An AWS call failed: the service answered with an error, or it could not be reached within the retry budget.
/// The message is meant for users: service, operation, AWS error code and message, never the raw response body.
/// </summary>
internal sealed class AwsServiceException : Exception
{
    /// <summary>Error code used when no HTTP response arrived (connection refused or reset, DNS failure).</summary>
    public const string ConnectionFailure = "ConnectionFailure";

    /// <summary>Error code used when an attempt exceeded its timeout.</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>Creates the exception.</summary>
    public AwsServiceException(
        string service, string operation, HttpStatusCode? statusCode, string errorCode, string awsMessage,
        string? requestId, Exception? innerException = null)
        : base(Describe(service, operation, statusCode, errorCode, awsMessage, requestId), innerException)
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
    }

    /// <summary>The service id, e.g. <c>Lambda</c>.</summary>
    public string Service { get; }

    /// <summary>The operation name, e.g. <c>CreateFunction</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The AWS error code, e.g. <c>ResourceNotFoundException</c> or <c>NoSuchEntity</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's error message.</summary>
    public string AwsMessage { get; }

    /// <summary>The AWS request id, to quote to AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when the operation may have taken effect although this error is what the caller sees: an attempt's
    /// outcome was unknown (lost response) and either no retry was allowed or the retry reported a conflict.
    /// Callers reconcile by reading the resource back.
    /// </summary>
    public bool MayHaveSucceeded { get; init; }

    /// <summary>
    /// Whether the error says the addressed resource does not exist. Most services answer 404; EventBridge and
    /// CloudWatch Logs answer ResourceNotFoundException with 400, SQS QueueDoesNotExist with 400 (their models' codes).
    /// </summary>
    public bool IsNotFound =>
        StatusCode == HttpStatusCode.NotFound ||
        ErrorCode is "NoSuchEntity" or "ResourceNotFoundException" or "NotFoundException" or "QueueDoesNotExist";

    private static string Describe(
        string service, string operation, HttpStatusCode? statusCode, string errorCode, string awsMessage, string? requestId)
    {
        var status = statusCode is { } code ? $"HTTP {(int)code}" : "no response";
        var request = requestId is null ? "" : $", request id {requestId}";
        return $"{service} {operation} failed: {errorCode}: {awsMessage} ({status}{request})";
    }
}
