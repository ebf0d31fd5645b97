using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Chalice.Lambda;

/// <summary>
/// Lambda's log line formats for .NET, as the managed runtime writes them (aws-lambda-dotnet,
/// Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/DefaultLogMessageFormatter.cs and
/// JsonLogMessageFormatter.cs; documented at https://docs.aws.amazon.com/lambda/latest/dg/csharp-logging.html), so a
/// Native AOT function's logs read in CloudWatch exactly like a managed one's.
/// </summary>
internal static class LambdaLogFormatter
{
    /// <summary>Lambda's timestamp: UTC, milliseconds, RFC 3339 (AbstractLogMessageFormatter.DateFormat).</summary>
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>The JSON members every entry has; a structured value with one of these names is left out.</summary>
    private static readonly HashSet<string> s_envelope =
        ["timestamp", "level", "requestId", "traceId", "message", "errorType", "errorMessage", "stackTrace"];

    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        // Valid JSON that stays readable in CloudWatch: '<', '&' and non-ASCII text are not \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// <c>timestamp&lt;TAB&gt;requestId&lt;TAB&gt;level&lt;TAB&gt;message</c>, the level in the console logger's
    /// four-letter labels (<c>info</c>, <c>warn</c>, <c>fail</c>...), an exception on the lines after the message.
    /// </summary>
    public static string Text(in LambdaLogEntry entry)
    {
        var text = new StringBuilder(64 + entry.Message.Length);
        text.Append(Timestamp(entry.Timestamp)).Append('\t')
            .Append(entry.RequestId).Append('\t')
            .Append(TextLevel(entry.Level)).Append('\t')
            .Append(entry.Message);
        if (entry.Exception is { } exception)
        {
            if (entry.Message.Length > 0)
                text.Append('\n');
            text.Append(exception);
        }
        return text.ToString();
    }

    /// <summary>
    /// One JSON object: <c>timestamp</c>, <c>level</c> (.NET's level name), <c>requestId</c> and <c>traceId</c> when
    /// there is an invocation, <c>message</c>, each structured value as a member of its own, and for an exception
    /// <c>errorType</c>, <c>errorMessage</c> and <c>stackTrace</c> (its text, one array item per line).
    /// </summary>
    public static string Json(in LambdaLogEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, s_jsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", Timestamp(entry.Timestamp));
            json.WriteString("level", JsonLevel(entry.Level));
            if (!string.IsNullOrEmpty(entry.RequestId))
                json.WriteString("requestId", entry.RequestId);
            if (!string.IsNullOrEmpty(entry.TraceId))
                json.WriteString("traceId", entry.TraceId);
            json.WriteString("message", entry.Message);
            foreach (var (name, value) in entry.Properties ?? [])
            {
                if (value is null || name == "{OriginalFormat}" || s_envelope.Contains(name))
                    continue;
                json.WritePropertyName(name);
                WriteValue(json, value);
            }
            if (entry.Exception is { } exception)
            {
                json.WriteString("errorType", exception.GetType().FullName);
                json.WriteString("errorMessage", exception.Message);
                json.WriteStartArray("stackTrace");
                foreach (var line in exception.ToString().Split('\n'))
                    json.WriteStringValue(line.Trim());
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Timestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static string TextLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private static string JsonLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        _ => "Critical",
    };

    /// <summary>Numbers and booleans as JSON's own, dates in the timestamp format, lists as arrays, the rest as text.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case short number: json.WriteNumberValue(number); break;
            case byte number: json.WriteNumberValue(number); break;
            case uint number: json.WriteNumberValue(number); break;
            case ulong number: json.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): json.WriteNumberValue(number); break;
            case float number when float.IsFinite(number): json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case DateTime time: json.WriteStringValue(time.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset time: json.WriteStringValue(Timestamp(time)); break;
            case IEnumerable items and not IDictionary:
                json.WriteStartArray();
                foreach (var item in items)
                    WriteValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
