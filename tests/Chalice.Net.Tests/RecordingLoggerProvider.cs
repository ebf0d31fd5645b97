using Microsoft.Extensions.Logging;

namespace Chalice.Tests;

/// <summary>Keeps every log entry an app writes, for tests that read what was (or was not) logged.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public List<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider.Entries)
                provider.Entries.Add((category, logLevel, formatter(state, exception), exception));
        }
    }
}
