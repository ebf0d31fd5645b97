using System.Runtime.CompilerServices;

namespace Chalice.Deploy.Aws.Logs;

/// <summary>
/// Reads a log group's events oldest first through <c>FilterLogEvents</c>, following every page, and, when following,
/// polls for new ones and never yields an event twice. Polling again from the newest event's time returns events
/// already seen (<c>startTime</c> is inclusive, and the lookback window re-reads on purpose), so events are recognised
/// by their ids, which are unique within the log group; ids older than the window are forgotten.
/// </summary>
/// <param name="logs">The CloudWatch Logs API of the function's region.</param>
/// <param name="options">The polling schedule; defaults when null.</param>
internal sealed class LogEventReader(ICloudWatchLogsApi logs, LogReaderOptions? options = null)
{
    private readonly LogReaderOptions _options = options ?? new();

    /// <summary>The log group Lambda writes a function's logs to (<c>/aws/lambda/{function}</c>).</summary>
    public static string LogGroupOf(string functionName) => $"/aws/lambda/{functionName}";

    /// <summary>Every event of the group (at or after <paramref name="since"/>, when set), oldest first.</summary>
    /// <exception cref="AwsServiceException">ResourceNotFoundException when the group does not exist (the function never ran).</exception>
    public async IAsyncEnumerable<FilteredLogEvent> ReadAsync(
        string logGroupName, DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = logGroupName, StartTime = since, NextToken = token },
                cancellationToken).ConfigureAwait(false);
            foreach (var logEvent in page.Events.OrderBy(e => e.Timestamp))
                yield return logEvent;
            token = page.NextToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// The group's events from <paramref name="since"/> on, then every new one as it arrives, until cancelled. A group
    /// that does not exist yet is waited for: <paramref name="waiting"/> hears about it once.
    /// </summary>
    public async IAsyncEnumerable<FilteredLogEvent> FollowAsync(
        string logGroupName, DateTimeOffset since, Action<string>? waiting = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var startTime = since;
        var pause = _options.PollInterval;
        var toldWaiting = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = 0;
            var newest = startTime;
            string? token = null;
            do
            {
                FilterLogEventsPage page;
                try
                {
                    page = await logs.FilterLogEventsAsync(
                        new FilterLogEventsRequest { LogGroupName = logGroupName, StartTime = startTime, NextToken = token }, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    if (!toldWaiting)
                        waiting?.Invoke($"The log group {logGroupName} does not exist yet (the function has not run); waiting for it.");
                    toldWaiting = true;
                    break;
                }
                foreach (var logEvent in page.Events.OrderBy(e => e.Timestamp))
                {
                    if (logEvent.Timestamp > newest)
                        newest = logEvent.Timestamp;
                    if (!seen.TryAdd(logEvent.EventId, logEvent.Timestamp))
                        continue;
                    found++;
                    yield return logEvent;
                }
                token = page.NextToken;
            }
            while (token is not null);

            // The next poll starts a little before the newest event, never before where this one started.
            var next = newest - _options.Lookback;
            if (next > startTime)
                startTime = next;
            foreach (var old in seen.Where(s => s.Value < startTime).Select(s => s.Key).ToList())
                seen.Remove(old);
            pause = found > 0 ? _options.PollInterval : Min(pause * 2, _options.MaxPollInterval);
            await _options.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
