namespace Chalice.Lambda;

/// <summary>The log format a function is configured with (Lambda's <c>LoggingConfig.LogFormat</c>).</summary>
internal enum LambdaLogFormat
{
    /// <summary>One tab-separated line per entry: timestamp, request id, level, message. Lambda's default.</summary>
    Text,

    /// <summary>One JSON object per line, which Lambda can filter by level.</summary>
    Json,
}
