namespace Chalice.Hosting;

/// <summary>Severity of a runtime log entry.</summary>
public enum ChaliceLogLevel
{
    /// <summary>Detail for diagnosing the runtime itself.</summary>
    Debug,

    /// <summary>Normal operation.</summary>
    Information,

    /// <summary>Something unexpected that the runtime recovered from.</summary>
    Warning,

    /// <summary>A failure, such as an unhandled handler exception.</summary>
    Error,
}

/// <summary>
/// Where the runtime writes what it has to say (handler failures, start-up). The Lambda loop writes to stdout with the
/// request id; the local emulator forwards to <c>ILogger</c>.
/// </summary>
public interface IChaliceLogger
{
    /// <summary>Writes one entry.</summary>
    void Log(ChaliceLogLevel level, string message, Exception? exception = null);
}

/// <summary>Writes to standard error; the default when the host supplies no logger.</summary>
internal sealed class ConsoleChaliceLogger : IChaliceLogger
{
    public static ConsoleChaliceLogger Instance { get; } = new();

    public void Log(ChaliceLogLevel level, string message, Exception? exception = null) =>
        Console.Error.WriteLine(exception is null ? $"[{level}] {message}" : $"[{level}] {message}{Environment.NewLine}{exception}");
}
