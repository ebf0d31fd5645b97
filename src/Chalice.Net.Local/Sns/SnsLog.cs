using Microsoft.Extensions.Logging;

namespace Chalice.Local.Sns;

/// <summary>The SNS stand-in's log messages.</summary>
internal static partial class SnsLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "SNS {Action} -> {StatusCode} {ErrorCode}")]
    public static partial void Request(ILogger logger, string action, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNS {Action} failed unexpectedly")]
    public static partial void Failure(ILogger logger, Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "SNS could not deliver message {MessageId} from {TopicArn} to {Endpoint}: {Reason} (SNS drops such deliveries too; on AWS they show in the topic's delivery logs)")]
    public static partial void Undelivered(ILogger logger, string messageId, string topicArn, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNS delivery of message {MessageId} to the function {FunctionArn} failed")]
    public static partial void LambdaFailed(ILogger logger, Exception exception, string messageId, string functionArn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local SNS stand-in listening on {Endpoint}, data in {DataDirectory}")]
    public static partial void Started(ILogger logger, Uri endpoint, string dataDirectory);
}
