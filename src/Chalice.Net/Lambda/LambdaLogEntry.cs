using Microsoft.Extensions.Logging;

namespace Chalice.Lambda;

/// <summary>
/// One log entry as Lambda's formats see it: when, how severe, which invocation (request id, X-Ray trace id), the
/// message, its structured values (a message template's named holes, for the JSON format) and any exception.
/// </summary>
internal readonly record struct LambdaLogEntry(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string? RequestId,
    string? TraceId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>>? Properties,
    Exception? Exception);
