using Microsoft.Extensions.Logging;

namespace Chalice.Lambda;

/// <summary>
/// Writes <see cref="ILogger"/> entries to standard output, where Lambda collects them into CloudWatch Logs, in the
/// format the function is configured with (<see cref="LambdaLogSettings"/>), each entry carrying the request id and
/// trace id of the invocation it was written in. Entries below <c>AWS_LAMBDA_LOG_LEVEL</c> are not written at all.
/// Each line is written and flushed before the call returns: Lambda may freeze the environment as soon as the response
/// is posted, and a buffered line would surface only in a later invocation's logs.
/// </summary>
internal sealed class LambdaLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly Logger _logger;

    public LambdaLoggerProvider(TextWriter output, LambdaLogSettings settings, TimeProvider? time = null)
    {
        _output = output;
        _time = time ?? TimeProvider.System;
        Settings = settings;
        _logger = new Logger(this);
    }

    public LambdaLogSettings Settings { get; }

    /// <summary>A provider configured by Lambda's variables; a variable it cannot read is reported as a warning entry.</summary>
    public static LambdaLoggerProvider FromEnvironment(TextWriter output) => Start(output, LambdaLogSettings.FromEnvironment());

    /// <summary>A provider that has reported, as warning entries, the settings it could not read.</summary>
    public static LambdaLoggerProvider Start(TextWriter output, LambdaLogSettings settings, TimeProvider? time = null)
    {
        var provider = new LambdaLoggerProvider(output, settings, time);
        foreach (var problem in settings.Problems)
            provider.Write(LogLevel.Warning, problem, properties: null, exception: null);
        return provider;
    }

    /// <summary>Makes this the host's log destination, at the configured level.</summary>
    public void AddTo(ILoggingBuilder logging) => logging.AddProvider(this).SetMinimumLevel(Settings.MinimumLevel);

    /// <summary>Lambda's formats carry no category, so every category shares one logger.</summary>
    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }

    private bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= Settings.MinimumLevel;

    private void Write(LogLevel level, string message, IReadOnlyList<KeyValuePair<string, object?>>? properties, Exception? exception)
    {
        var invocation = LambdaContext.Current;
        var entry = new LambdaLogEntry(_time.GetUtcNow(), level, invocation?.AwsRequestId, invocation?.TraceId, message, properties, exception);
        var line = Settings.Format == LambdaLogFormat.Json ? LambdaLogFormatter.Json(entry) : LambdaLogFormatter.Text(entry);
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private sealed class Logger(LambdaLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!provider.IsEnabled(logLevel))
                return;
            provider.Write(logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>>, exception);
        }
    }
}
