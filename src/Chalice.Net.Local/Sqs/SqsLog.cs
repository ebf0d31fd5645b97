using Microsoft.Extensions.Logging;

namespace Chalice.Local.Sqs;

/// <summary>The SQS stand-in's log messages.</summary>
internal static partial class SqsLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "SQS {Operation} -> {StatusCode} {ErrorCode}")]
    public static partial void Request(ILogger logger, string operation, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQS {Operation} failed unexpectedly")]
    public static partial void Failure(ILogger logger, Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "SQS queue '{Queue}' does not exist locally, so the app gets QueueDoesNotExist, as it would on AWS. If the queue " +
        "exists on AWS, declare it in .chalice/config.json: \"local_sqs_queues\": [\"{Queue}\"] (top level or per stage).")]
    public static partial void MissingQueue(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "SQS ReceiveMessage on '{Queue}' passed ReceiveRequestAttemptId; the local stand-in does not replay receive attempts, so a retried receive may get other messages")]
    public static partial void ReceiveAttemptNotDeduplicated(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local SQS stand-in listening on {Endpoint}, data in {DataDirectory}")]
    public static partial void Started(ILogger logger, Uri endpoint, string dataDirectory);
}
