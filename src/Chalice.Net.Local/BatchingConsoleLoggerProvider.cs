using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Chalice.Local;

/// <summary>
/// Writes single-line log entries to standard output in batches. The emulator logs a line per request; the stock console
/// logger writes and flushes each line under a lock, which at tens of thousands of requests a second is what limits
/// throughput. Entries are formatted on the logging thread and written, in order, by one background writer that flushes
/// once per batch.
/// </summary>
internal sealed class BatchingConsoleLoggerProvider : ILoggerProvider
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly TextWriter _output;
    private readonly Thread _writer;
    private FormattedSecond? _time; // swapped as one reference: logging threads never see half an update

    public BatchingConsoleLoggerProvider(TextWriter? output = null)
    {
        _output = output ?? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        _writer = new Thread(Write) { IsBackground = true, Name = "Chalice.Local log writer" };
        _writer.Start();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Join(TimeSpan.FromSeconds(5));
    }

    private void Enqueue(string line)
    {
        if (!_lines.Writer.TryWrite(line))
            _lines.Writer.WriteAsync(line).AsTask().Wait(); // back-pressure only when the writer is 100,000 lines behind
    }

    private void Write()
    {
        var reader = _lines.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var line))
                _output.WriteLine(line);
            _output.Flush();
            // Let the next batch gather: under load the writer then wakes a hundred times a second, not once a line.
            Thread.Sleep(10);
        }
    }

    /// <summary>The local time of day, formatted once a second rather than once a line.</summary>
    private string Now()
    {
        var now = DateTime.Now;
        var second = now.Ticks / TimeSpan.TicksPerSecond;
        if (_time is { } cached && cached.Second == second)
            return cached.Text;
        var text = now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        _time = new FormattedSecond(second, text);
        return text;
    }

    private sealed record FormattedSecond(long Second, string Text);

    private sealed class Logger(string category, BatchingConsoleLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var text = $"{provider.Now()} {Level(logLevel)}: {category} {formatter(state, exception)}";
            provider.Enqueue(exception is null ? text : text + Environment.NewLine + exception);
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
