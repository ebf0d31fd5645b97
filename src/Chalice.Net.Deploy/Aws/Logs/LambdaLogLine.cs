using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chalice.Deploy.Aws.Logs;

/// <summary>
/// A function's log event as <c>chalice logs</c> prints it, and which events Lambda itself writes.
/// </summary>
internal static class LambdaLogLine
{
    // The text-format lines Lambda writes around each invocation: START/END/REPORT (which Chalice hides: aws/chalice
    // chalice/logs.py, _is_lambda_message) and INIT_START, once per execution environment
    // (https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-identify.html).
    private static readonly string[] s_platformPrefixes = ["START RequestId", "END RequestId", "REPORT RequestId", "INIT_START"];

    // The same events in Lambda's JSON log format, whose system log records carry a "type" of platform.*
    // (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html,
    // https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html).
    private static readonly HashSet<string> s_platformTypes = new(StringComparer.Ordinal)
    {
        "platform.initStart", "platform.start", "platform.runtimeDone", "platform.report",
    };

    /// <summary>
    /// Whether Lambda wrote the message around an invocation (START, END, REPORT, INIT_START, or their JSON-format
    /// records) rather than the function. Init failures and dropped-log notices are not among them: they are news.
    /// </summary>
    public static bool IsLambdaMessage(string message)
    {
        var text = message.Trim();
        if (s_platformPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)))
            return true;
        if (!text.StartsWith('{') || !text.Contains("\"platform.", StringComparison.Ordinal))
            return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
                   s_platformTypes.Contains(type.GetString()!);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Chalice's short stream id: the six characters after the <c>]</c> of <c>2024/05/01/[$LATEST]0123456789abcdef</c>,
    /// or the whole name when it has no <c>]</c> (aws/chalice <c>chalice/logs.py</c>, <c>retrieve_logs</c>).
    /// </summary>
    public static string ShortStreamId(string logStreamName)
    {
        var bracket = logStreamName.IndexOf(']', StringComparison.Ordinal);
        if (bracket < 0)
            return logStreamName;
        var start = bracket + 1;
        return logStreamName.Substring(start, Math.Min(6, logStreamName.Length - start));
    }

    /// <summary>
    /// The event as Chalice prints it: <c>{timestamp} {short stream id} {message}</c>, the time in UTC as Python prints
    /// a <c>datetime</c> (<c>2016-11-06 20:24:25.490000</c>, no fraction when it is zero), the message trimmed
    /// (aws/chalice <c>chalice/logs.py</c>, <c>display_logs</c>; <c>chalice/awsclient.py</c> reads the time with
    /// <c>utcfromtimestamp</c>; the documented output: https://aws.github.io/chalice/topics/logging).
    /// </summary>
    public static string Format(FilteredLogEvent logEvent)
    {
        var time = logEvent.Timestamp.UtcDateTime;
        var line = new StringBuilder(time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var microseconds = (int)(time.Ticks % TimeSpan.TicksPerSecond / 10);
        if (microseconds != 0)
            line.Append('.').Append(microseconds.ToString("D6", CultureInfo.InvariantCulture));
        return line.Append(' ').Append(ShortStreamId(logEvent.LogStreamName)).Append(' ').Append(logEvent.Message.Trim()).ToString();
    }
}
