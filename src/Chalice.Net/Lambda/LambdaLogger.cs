using System.Globalization;
using Chalice.Hosting;

namespace Chalice.Lambda;

/// <summary>
/// Writes log entries to standard output, where Lambda collects them into CloudWatch Logs, in the shape the managed
/// runtimes use: <c>timestamp	requestId	LEVEL	message</c>.
/// </summary>
internal sealed class LambdaLogger(TextWriter output) : IChaliceLogger
{
    private static readonly AsyncLocal<string?> s_requestId = new();

    /// <summary>The request id of the invocation being served on this call chain.</summary>
    public static string? CurrentRequestId
    {
        get => s_requestId.Value;
        set => s_requestId.Value = value;
    }

    public void Log(ChaliceLogLevel level, string message, Exception? exception = null)
    {
        var text = exception is null ? message : $"{message}{Environment.NewLine}{exception}";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}\t{CurrentRequestId ?? "-"}\t{Level(level)}\t{text}");
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static string Level(ChaliceLogLevel level) => level switch
    {
        ChaliceLogLevel.Debug => "DEBUG",
        ChaliceLogLevel.Information => "INFO",
        ChaliceLogLevel.Warning => "WARN",
        _ => "ERROR",
    };
}
