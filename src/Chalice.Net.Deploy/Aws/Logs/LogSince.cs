using System.Globalization;
using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws.Logs;

/// <summary>
/// Where <c>chalice-net logs --since</c> starts: a relative time (<c>30s</c>, <c>10m</c>, <c>1h</c>, <c>2d</c>,
/// <c>1w</c>: a number and one unit, as Chalice takes it) or an ISO-8601 time, UTC when it names no offset (Chalice's
/// <c>TimestampConverter</c> in aws/chalice <c>chalice/utils.py</c>).
/// </summary>
internal sealed partial record LogSince
{
    private LogSince(TimeSpan? ago, DateTimeOffset? at)
    {
        Ago = ago;
        At = at;
    }

    /// <summary>How long before now, for a relative time.</summary>
    public TimeSpan? Ago { get; }

    /// <summary>The time, for an absolute one.</summary>
    public DateTimeOffset? At { get; }

    /// <summary>What <c>--follow</c> shows before it starts polling when no <c>--since</c> is given: ten minutes (Chalice's).</summary>
    public static LogSince FollowDefault { get; } = new(TimeSpan.FromMinutes(10), null);

    /// <summary>Reads <paramref name="text"/>; null when it is neither form.</summary>
    public static LogSince? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Relative().Match(text.Trim()) is { Success: true } relative)
        {
            if (!long.TryParse(relative.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                return null;
            var unit = relative.Groups["unit"].Value switch
            {
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            return amount <= TimeSpan.MaxValue.Ticks / unit.Ticks ? new LogSince(unit * amount, null) : null;
        }
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new LogSince(null, at)
            : null;
    }

    /// <summary>The start time at <paramref name="now"/>.</summary>
    public DateTimeOffset StartTime(DateTimeOffset now) => At ?? now - Ago!.Value;

    [GeneratedRegex(@"^(?<amount>\d+)(?<unit>[smhdw])$")]
    private static partial Regex Relative();
}
