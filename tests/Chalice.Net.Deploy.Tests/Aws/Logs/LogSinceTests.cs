using Chalice.Deploy.Aws.Logs;

namespace Chalice.Deploy.Tests.Aws.Logs;

/// <summary><c>--since</c> as Chalice reads it: a number and one unit, or an ISO-8601 time.</summary>
public sealed class LogSinceTests
{
    private static readonly DateTimeOffset s_now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30s", "2024-05-01T11:59:30Z")]
    [InlineData("10m", "2024-05-01T11:50:00Z")]
    [InlineData("1h", "2024-05-01T11:00:00Z")]
    [InlineData("2d", "2024-04-29T12:00:00Z")]
    [InlineData("1w", "2024-04-24T12:00:00Z")]
    [InlineData("2024-04-30T08:15:00Z", "2024-04-30T08:15:00Z")]
    [InlineData("2024-04-30T10:15:00+02:00", "2024-04-30T08:15:00Z")]
    [InlineData("2024-04-30T08:15:00", "2024-04-30T08:15:00Z")] // no offset: UTC, as Chalice reads it
    [InlineData("2024-04-30", "2024-04-30T00:00:00Z")]
    public void Relative_and_absolute_times_are_read(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LogSince.TryParse(text)!.StartTime(s_now));

    [Theory]
    [InlineData("10")]
    [InlineData("10 minutes")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("yesterday")]
    [InlineData("99999999999999999999d")]
    public void Anything_else_is_refused(string text) => Assert.Null(LogSince.TryParse(text));

    [Fact]
    public void Following_starts_ten_minutes_back_by_default() =>
        Assert.Equal(s_now.AddMinutes(-10), LogSince.FollowDefault.StartTime(s_now));
}
