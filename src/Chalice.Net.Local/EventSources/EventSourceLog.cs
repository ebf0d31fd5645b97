using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>The local event sources' log lines: a handler's failure is one line naming the function, its stack trace at debug level.</summary>
internal static partial class EventSourceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed (attempt {Attempt} of {Attempts}): {Error}; Lambda retries it in {Delay}")]
    public static partial void WillRetry(ILogger logger, string function, int attempt, int attempts, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (attempt {Attempt} of {Attempts}): {Error}; the event is dropped, as Lambda drops it after its retries")]
    public static partial void GaveUp(ILogger logger, string function, int attempt, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on a batch of {Count} from {Queue}: {Error}; its messages are visible again after the visibility timeout")]
    public static partial void BatchFailed(ILogger logger, string function, int count, string queue, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Function {Function} failed")]
    public static partial void FailureDetail(ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} reported {Identifier} as failed, which is not a message of its batch: Lambda treats the whole batch as failed")]
    public static partial void UnknownBatchItem(ILogger logger, string function, string identifier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} of function {Function} does not exist; the event source waits for it (declare it in \"local_sqs_queues\" or create it)")]
    public static partial void MissingQueue(ILogger logger, string queue, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "schedule {Function}: next at {Next:yyyy-MM-ddTHH:mm:ssZ}")]
    public static partial void NextFire(ILogger logger, string function, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SNS delivered to {FunctionArn}, which is none of the app's SNS handlers; Lambda would answer ResourceNotFoundException")]
    public static partial void UnknownFunction(ILogger logger, string functionArn);
}
