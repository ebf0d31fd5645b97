using System.Globalization;
using Chalice.Local.EventSources;

namespace Chalice.Local.Tests.EventSources;

/// <summary>
/// When EventBridge fires a schedule, checked against its documentation:
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html (fields, wildcards and the examples
/// table: "0 10 * * ? *", "0 18 ? * MON-FRI *", "0 8 1 * ? *", "0/15 * * * ? *", "0/10 * ? * MON-FRI *",
/// "0/5 8-17 ? * MON-FRI *", "0 9 ? * 2#1 *"; "1/10 … the 11th, 21st, and 31st minute"; "3W specifies the weekday
/// closest to the third day of the month"; "3#2 would be the second Tuesday of the month"; L "the last day of the month
/// or week"; day-of-week 1-7 is SUN-SAT) and https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html.
/// The cases marked Quartz are what the page leaves to the Quartz cron EventBridge's is (LW, dL, W within the month).
/// Every case starts from Monday 2026-11-30 18:50:30 UTC, the last day of November.
/// </summary>
public sealed class ScheduleCalendarTests
{
    private static readonly DateTimeOffset s_after = DateTimeOffset.Parse("2026-11-30T18:50:30Z", CultureInfo.InvariantCulture);

    public static TheoryData<string, string?> CronCases => new()
    {
        { "cron(0 10 * * ? *)", "2026-12-01T10:00" },          // docs: 10:00 every day
        { "cron(15 12 * * ? *)", "2026-12-01T12:15" },         // docs: 12:15 every day
        { "cron(0 18 ? * MON-FRI *)", "2026-12-01T18:00" },    // docs: 18:00 Monday to Friday; Monday's has passed
        { "cron(0 8 1 * ? *)", "2026-12-01T08:00" },           // docs: 8:00 on the first day of the month
        { "cron(0/15 * * * ? *)", "2026-11-30T19:00" },        // docs: every 15 minutes
        { "cron(0/10 * ? * MON-FRI *)", "2026-11-30T19:00" },  // docs: every 10 minutes on weekdays
        { "cron(0/5 8-17 ? * MON-FRI *)", "2026-12-01T08:00" }, // docs: every 5 minutes, 8:00 to 17:55, weekdays
        { "cron(0 9 ? * 2#1 *)", "2026-12-07T09:00" },         // docs: 9:00 on the first Monday of the month
        { "cron(1/10 * * * ? *)", "2026-11-30T18:51" },        // docs: minutes 1, 11, 21, …
        { "cron(50 18 * * ? *)", "2026-12-01T18:50" },         // strictly after: today's 18:50 has begun
        { "cron(* * * * ? *)", "2026-11-30T18:51" },
        { "cron(5,35 * * * ? *)", "2026-11-30T19:05" },
        { "cron(0/30 9-10 * * ? *)", "2026-12-01T09:00" },
        { "cron(30 23 L * ? *)", "2026-11-30T23:30" },         // L: today is November's last day
        { "cron(0 0 L * ? *)", "2026-12-31T00:00" },           // L: November's has passed, so December's
        { "cron(0 10 ? * L *)", "2026-12-05T10:00" },          // L in day-of-week: the week's last day, 7 = SAT
        { "cron(0 10 ? * 3#2 *)", "2026-12-08T10:00" },        // docs: the second Tuesday
        { "cron(0 0 ? 2 3#5 *)", "2028-02-29T00:00" },         // a fifth Tuesday of February: 2028's 29th
        { "cron(0 12 ? * 1 *)", "2026-12-06T12:00" },          // 1 is Sunday
        { "cron(0 12 ? * SUN,SAT *)", "2026-12-05T12:00" },
        { "cron(0 12 5W * ? *)", "2026-12-04T12:00" },         // W: December 5th is a Saturday, so Friday the 4th
        { "cron(0 12 6W * ? *)", "2026-12-07T12:00" },         // W: December 6th is a Sunday, so Monday the 7th
        { "cron(0 12 1W 5 ? 2027)", "2027-05-03T12:00" },      // Quartz: 1 May 2027 is a Saturday; not back into April
        { "cron(0 12 31W 1 ? 2027)", "2027-01-29T12:00" },     // Quartz: 31 January 2027 is a Sunday; not on into February
        { "cron(0 12 LW * ? *)", "2026-12-31T12:00" },         // Quartz: the last weekday (today's noon has passed)
        { "cron(0 10 ? * 6L *)", "2026-12-25T10:00" },         // Quartz: the last Friday; November's was the 27th
        { "cron(0 0 1/10 * ? *)", "2026-12-01T00:00" },        // days 1, 11, 21, 31
        { "cron(0 0 29 2 ? *)", "2028-02-29T00:00" },          // the next leap day
        { "cron(0 0 1 JAN,JUL ? *)", "2027-01-01T00:00" },
        { "cron(0 0 1 1 ? 2030-2032)", "2030-01-01T00:00" },
        { "cron(0 0 * * ? 2025)", null },                      // its only year is past: never
    };

    [Theory]
    [MemberData(nameof(CronCases))]
    public void A_cron_expression_fires_next_at_the_minute_EventBridge_documents(string expression, string? expected)
    {
        var next = ScheduleCalendar.Parse(expression).NextAfter(s_after, started: s_after);

        Assert.Equal(expected, next?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        if (next is not null)
            Assert.Equal(TimeSpan.Zero, next.Value.Offset);
    }

    [Fact]
    public void A_rate_counts_its_periods_from_when_the_rule_started()
    {
        // "rate(5 minutes)": every 5 minutes from the rule's creation; 1 takes the singular unit.
        var started = s_after;
        var fiveMinutes = ScheduleCalendar.Parse("rate(5 minutes)");
        Assert.Equal(started.AddMinutes(5), fiveMinutes.NextAfter(started, started));
        Assert.Equal(started.AddMinutes(10), fiveMinutes.NextAfter(started.AddMinutes(5), started));
        Assert.Equal(started.AddMinutes(10), fiveMinutes.NextAfter(started.AddMinutes(7), started));
        Assert.Equal(started.AddDays(1), ScheduleCalendar.Parse("rate(1 day)").NextAfter(started, started));
        Assert.Equal(started.AddHours(12), ScheduleCalendar.Parse("rate(12 hours)").NextAfter(started.AddHours(1), started));
    }

    [Theory]
    [InlineData("cron(0 0 * * * *)")]   // both day fields given
    [InlineData("rate(1 minutes)")]     // plural for 1
    [InlineData("cron(0 0 * * ?)")]     // five fields
    public void An_expression_EventBridge_refuses_is_refused_with_the_syntax_check_reason(string expression)
    {
        var error = Assert.Throws<FormatException>(() => ScheduleCalendar.Parse(expression));

        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }
}
