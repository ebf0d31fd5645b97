using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.Tests.EventSources;

/// <summary>Keeps every line logged at information level or above (and echoes it to the test's output) for assertions.</summary>
internal sealed class RecordingLogger : ILogger, ILoggerFactory, ILoggerProvider
{
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;

    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var line = formatter(state, exception);
        Lines.Enqueue(line);
        try
        {
            _output?.WriteLine($"[{logLevel}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished.
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
