using Microsoft.Extensions.Logging;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// Sends the stand-in's log to a test's output, so a failing test shows what the server saw. The output helper is
/// captured up front because Kestrel's threads do not carry the test's context.
/// </summary>
internal sealed class TestOutputLogger(ITestOutputHelper? output) : ILogger
{
    public static TestOutputLogger ForCurrentTest() => new(TestContext.Current.TestOutputHelper);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => output is not null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output?.WriteLine($"[{logLevel}] {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test has already finished (the host logs while shutting down): nowhere to write.
        }
    }
}
