namespace Chalice.Deploy.Aws.Logs;

/// <summary>How <see cref="LogEventReader"/> polls when it follows a log group.</summary>
internal sealed record LogReaderOptions
{
    /// <summary>The pause after a poll that found new events.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause: each poll that finds nothing waits twice as long as the one before, up to this.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far before the newest event seen each poll reads again. CloudWatch Logs receives the events of concurrent
    /// invocations (each its own stream) out of order, so an event can become readable after a newer one was read; it is
    /// still printed when it is at most this much older. Re-read events are recognised by their ids and not printed twice.
    /// </summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pauses between polls; tests replace it to run instantly and record the pauses.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = static (delay, token) => Task.Delay(delay, token);
}
