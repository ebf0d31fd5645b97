namespace Chalice.Lambda;

/// <summary>
/// When an invocation's cancellation token is signalled: shortly before its deadline. Lambda stops the execution
/// environment at the deadline itself, so a handler that honours its token needs a moment to stop, log and return
/// first. The Lambda runtime loop and <c>chalice-net invoke</c> both use this.
/// </summary>
public static class InvocationDeadline
{
    /// <summary>How long before the deadline the token is signalled, at most.</summary>
    public static TimeSpan Margin { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When to signal the token, counted from now: <see cref="Margin"/> before the deadline, or a tenth of the time left
    /// when that is shorter, so that a nearly spent invocation still runs most of it.
    /// </summary>
    /// <param name="remaining">The time left until the deadline.</param>
    public static TimeSpan CancellationDelay(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
            return TimeSpan.Zero;
        var margin = TimeSpan.FromTicks(Math.Min(Margin.Ticks, remaining.Ticks / 10));
        return remaining - margin;
    }
}
