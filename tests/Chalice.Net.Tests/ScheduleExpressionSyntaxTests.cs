using Chalice.Functions;

namespace Chalice.Tests;

/// <summary>
/// EventBridge's schedule expressions, as AWS documents them: rate expressions
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html) and cron expressions with their
/// fields, wildcards and examples (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
/// The generator's CHALICE018 and anything that runs schedules use this one check.
/// </summary>
public sealed class ScheduleExpressionSyntaxTests
{
    [Theory]
    // The rate examples of AWS's put-rule documentation.
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 hour)")]
    [InlineData("rate(1 day)")]
    [InlineData("rate(12 hours)")]
    // The cron examples of AWS's table, and each wildcard in the fields that take it.
    [InlineData("cron(0 10 * * ? *)")]
    [InlineData("cron(15 12 * * ? *)")]
    [InlineData("cron(0 18 ? * MON-FRI *)")]
    [InlineData("cron(0 8 1 * ? *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(0/10 * ? * MON-FRI *)")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 9 ? * 2#1 *)")]
    [InlineData("cron(0 18 L * ? *)")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)")]
    [InlineData("cron(0 12 15W * ? *)")]
    [InlineData("cron(30 4 1,15 JAN,JUL ? 2030)")]
    [InlineData("cron(0 0 ? * SUN *)")]
    [InlineData("cron(59 23 31 12 ? 2199)")]
    public void What_EventBridge_accepts(string expression) =>
        Assert.True(ScheduleExpressionSyntax.IsValid(expression, out var error), error);

    [Theory]
    [InlineData("rate(1 hours)", "a value of 1 takes the singular unit: rate(1 hour)")] // AWS's own invalid example
    [InlineData("rate(5 hour)", "a value above 1 takes the plural unit: rate(5 hours)")] // and the other
    [InlineData("rate(0 minutes)", "the value '0' must be a positive whole number")]
    [InlineData("rate(-5 minutes)", "the value '-5' must be a positive whole number")]
    [InlineData("rate(1.5 hours)", "the value '1.5' must be a positive whole number")]
    [InlineData("rate(5 seconds)", "the unit 'seconds' must be minute, minutes, hour, hours, day or days")]
    [InlineData("rate(5)", "a rate has a value and a unit, like rate(5 minutes)")]
    [InlineData("every 5 minutes", "it must be rate(value unit) or cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("", "the expression is empty; write rate(5 minutes) or cron(0 12 * * ? *)")]
    [InlineData("cron(0 12 * * ?)", "a cron expression has six fields (minutes hours day-of-month month day-of-week year), not 5")]
    [InlineData("cron(0 12 * * * *)", "day-of-month and day-of-week cannot both be given: write ? in one of them (cron(0 12 * * ? *))")]
    [InlineData("cron(0 12 ? * ? *)", "day-of-month and day-of-week cannot both be '?': give one of them a value or *")]
    [InlineData("cron(60 12 * * ? *)", "the minutes field '60' is invalid: '60' is not 0-59")]
    [InlineData("cron(0 24 * * ? *)", "the hours field '24' is invalid: '24' is not 0-23")]
    [InlineData("cron(0 12 32 * ? *)", "the day-of-month field '32' is invalid: '32' is not 1-31")]
    [InlineData("cron(0 12 * 13 ? *)", "the month field '13' is invalid: '13' is not 1-12 or JAN-DEC")]
    [InlineData("cron(0 12 ? * 8 *)", "the day-of-week field '8' is invalid: '8' is not 1-7 or SUN-SAT")]
    [InlineData("cron(0 12 * * ? 1969)", "the year field '1969' is invalid: '1969' is not 1970-2199")]
    [InlineData("cron(? 12 * * ? *)", "the minutes field '?' is invalid: '?' is only for day-of-month or day-of-week")]
    [InlineData("cron(0 12 ? * 3#1,6#3 *)", "the day-of-week field '3#1,6#3' is invalid: a '#' value must be the field's only one (3#1,6#3 is two)")]
    [InlineData("cron(0 12 ? * 3#6 *)", "the day-of-week field '3#6' is invalid: in '3#6' the week of the month must be 1 to 5")]
    [InlineData("cron(0 12 ? * MON/2 *)", "the day-of-week field 'MON/2' is invalid: '/' is not allowed in day-of-week")]
    [InlineData("cron(0/0 12 * * ? *)", "the minutes field '0/0' is invalid: the increment in '0/0' must be a positive whole number")]
    [InlineData("cron(0 L * * ? *)", "the hours field 'L' is invalid: 'L' is not 0-23")]
    public void What_EventBridge_refuses_and_why(string expression, string error)
    {
        Assert.False(ScheduleExpressionSyntax.IsValid(expression, out var actual));
        Assert.Equal(error, actual);
    }

    [Fact]
    public void At_most_256_characters()
    {
        var tooLong = "cron(0 12 * * ? " + new string('*', 256) + ")";
        Assert.False(ScheduleExpressionSyntax.IsValid(tooLong, out var error));
        Assert.Equal("EventBridge takes at most 256 characters", error);
    }
}
