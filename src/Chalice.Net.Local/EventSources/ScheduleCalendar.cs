using System.Globalization;
using Chalice.Functions;

namespace Chalice.Local.EventSources;

/// <summary>
/// When an EventBridge schedule fires, in UTC: <c>rate(…)</c> every period from the moment the rule starts, or
/// <c>cron(…)</c> at each minute its six fields accept. The expression is first checked by
/// <see cref="ScheduleExpressionSyntax"/>, the one judge of what EventBridge accepts (the generator's diagnostic uses it
/// too); this type only reads what that check let through. Semantics, from
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html: <c>a/n</c> is every n-th value
/// starting at a ("1/10 … the 11th, 21st, and 31st minute"), <c>L</c> the last day of the month or (day-of-week) of the
/// week, <c>nW</c> the weekday closest to day n, <c>d#k</c> the k-th day d of the month, day-of-week 1-7 is SUN-SAT.
/// Where that page is silent, EventBridge follows Quartz, whose cron it took over: <c>LW</c> is the month's last weekday,
/// <c>dL</c> its last day d, <c>nW</c> never crosses into another month, and a range whose start is past its end wraps
/// (<c>FRI-MON</c>).
/// </summary>
internal sealed class ScheduleCalendar
{
    private const int FirstYear = 1970;
    private const int LastYear = 2199;

    private readonly TimeSpan _rate;
    private readonly bool[] _minutes = new bool[60];
    private readonly bool[] _hours = new bool[24];
    private readonly bool[] _months = new bool[13];
    private readonly bool[] _years = new bool[LastYear + 1];
    private readonly Func<DateOnly, bool> _dayMatches = _ => true;

    private ScheduleCalendar(string expression, TimeSpan rate)
    {
        Expression = expression;
        _rate = rate;
    }

    private ScheduleCalendar(string expression, string[] fields)
    {
        Expression = expression;
        Fill(_minutes, fields[0], 0, 59, names: null);
        Fill(_hours, fields[1], 0, 23, names: null);
        Fill(_months, fields[3], 1, 12, s_months);
        Fill(_years, fields[5], FirstYear, LastYear, names: null);
        _dayMatches = fields[2] != "?" ? DayOfMonthRule(fields[2]) : DayOfWeekRule(fields[4]);
    }

    private static readonly string[] s_months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] s_days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Whether this is a <c>rate(…)</c>, which counts from when the rule starts rather than from the calendar.</summary>
    public bool IsRate => _rate > TimeSpan.Zero;

    /// <summary>Reads a schedule expression.</summary>
    /// <exception cref="FormatException">EventBridge refuses it; the message says why (as CHALICE018 does).</exception>
    public static ScheduleCalendar Parse(string expression)
    {
        if (!ScheduleExpressionSyntax.IsValid(expression, out var error))
            throw new FormatException($"'{expression}' is not a schedule EventBridge accepts: {error}");
        var inner = expression[5..^1];
        var parts = inner.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (expression.StartsWith("rate(", StringComparison.Ordinal))
        {
            var value = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var unit = parts[1].TrimEnd('s') switch
            {
                "minute" => TimeSpan.FromMinutes(1),
                "hour" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            return new ScheduleCalendar(expression, unit * value);
        }
        return new ScheduleCalendar(expression, parts);
    }

    /// <summary>
    /// The first time the schedule fires after <paramref name="after"/>; <paramref name="started"/> is when the rule
    /// started (a rate counts from it). Null when a cron's years are all past.
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset started)
    {
        after = after.ToUniversalTime();
        if (IsRate)
        {
            var periods = after < started ? 0 : (after - started).Ticks / _rate.Ticks + 1;
            return started + _rate * periods;
        }
        // The next whole minute after `after`: EventBridge fires at minute boundaries.
        var minute = new DateTime(after.Ticks - after.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        var day = DateOnly.FromDateTime(minute);
        var firstMinuteOfDay = minute.Hour * 60 + minute.Minute;
        while (day.Year <= LastYear)
        {
            if (!_years[day.Year])
            {
                day = new DateOnly(day.Year + 1, 1, 1);
                firstMinuteOfDay = 0;
                continue;
            }
            if (!_months[day.Month])
            {
                day = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
                firstMinuteOfDay = 0;
                continue;
            }
            if (_dayMatches(day))
            {
                for (var m = firstMinuteOfDay; m < 24 * 60; m++)
                {
                    if (_hours[m / 60] && _minutes[m % 60])
                        return new DateTimeOffset(day.ToDateTime(new TimeOnly(m / 60, m % 60)), TimeSpan.Zero);
                }
            }
            day = day.AddDays(1);
            firstMinuteOfDay = 0;
        }
        return null;
    }

    /// <summary>Marks the values a field's comma-separated items (<c>*</c>, <c>a</c>, <c>a-b</c>, <c>a/n</c>, <c>a-b/n</c>, <c>*/n</c>) select.</summary>
    private static void Fill(bool[] selected, string field, int min, int max, string[]? names)
    {
        foreach (var item in field.Split(','))
        {
            var (start, end, step) = ReadRange(item, min, max, names);
            Mark(selected, start, end, step, min, max);
        }
    }

    private static void Mark(bool[] selected, int start, int end, int step, int min, int max)
    {
        // A range past the field's end wraps around (FRI-MON, 22-2), as in Quartz.
        var span = end >= start ? end - start : end + (max - min + 1) - start;
        for (var offset = 0; offset <= span; offset += step)
        {
            var value = start + offset;
            if (value > max)
                value -= max - min + 1;
            selected[value] = true;
        }
    }

    private static (int Start, int End, int Step) ReadRange(string item, int min, int max, string[]? names)
    {
        var step = 1;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            step = int.Parse(item[(slash + 1)..], CultureInfo.InvariantCulture);
            item = item[..slash];
        }
        if (item == "*")
            return (min, max, step);
        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
            return (Value(item[..dash], min, names), Value(item[(dash + 1)..], min, names), step);
        var value = Value(item, min, names);
        // "a/n" runs from a to the field's end; a lone "a" is just a.
        return (value, slash >= 0 ? max : value, step);
    }

    private static int Value(string text, int min, string[]? names)
    {
        if (names is not null && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
            return index + min;
        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static Func<DateOnly, bool> DayOfMonthRule(string field)
    {
        var rules = field.Split(',').Select(DayOfMonthItem).ToArray();
        return day => rules.Any(rule => rule(day));
    }

    private static Func<DateOnly, bool> DayOfMonthItem(string item)
    {
        if (item == "L")
            return day => day.Day == LastDay(day);
        if (item == "LW")
            return day => day.Day == LastWeekday(day);
        if (item.EndsWith('W'))
        {
            var target = int.Parse(item[..^1], CultureInfo.InvariantCulture);
            return day => day.Day == NearestWeekday(day, target);
        }
        var days = new bool[32];
        var (start, end, step) = ReadRange(item, 1, 31, names: null);
        Mark(days, start, end, step, 1, 31);
        return day => days[day.Day];
    }

    private static Func<DateOnly, bool> DayOfWeekRule(string field)
    {
        var rules = field.Split(',').Select(DayOfWeekItem).ToArray();
        return day => rules.Any(rule => rule(day));
    }

    private static Func<DateOnly, bool> DayOfWeekItem(string item)
    {
        // Day-of-week values are 1 (SUN) to 7 (SAT); DayOfWeek counts 0 (Sunday) to 6.
        if (item == "L")
            return day => day.DayOfWeek == DayOfWeek.Saturday;
        if (item.EndsWith('L'))
        {
            var weekday = Value(item[..^1], 1, s_days);
            return day => WeekdayNumber(day) == weekday && day.Day + 7 > LastDay(day);
        }
        var hash = item.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0)
        {
            var weekday = Value(item[..hash], 1, s_days);
            var nth = int.Parse(item[(hash + 1)..], CultureInfo.InvariantCulture);
            return day => WeekdayNumber(day) == weekday && (day.Day - 1) / 7 + 1 == nth;
        }
        var days = new bool[8];
        var (start, end, step) = ReadRange(item, 1, 7, s_days);
        Mark(days, start, end, step, 1, 7);
        return day => days[WeekdayNumber(day)];
    }

    private static int WeekdayNumber(DateOnly day) => (int)day.DayOfWeek + 1;

    private static int LastDay(DateOnly day) => DateTime.DaysInMonth(day.Year, day.Month);

    private static int LastWeekday(DateOnly day)
    {
        var last = new DateOnly(day.Year, day.Month, LastDay(day));
        return last.DayOfWeek switch
        {
            DayOfWeek.Saturday => last.Day - 1,
            DayOfWeek.Sunday => last.Day - 2,
            _ => last.Day,
        };
    }

    /// <summary>The weekday closest to day <paramref name="target"/> of <paramref name="day"/>'s month, not leaving the month.</summary>
    private static int NearestWeekday(DateOnly day, int target)
    {
        var lastDay = LastDay(day);
        if (target > lastDay)
            return -1; // 31W in a 30-day month selects nothing, as 31 does
        var candidate = new DateOnly(day.Year, day.Month, target);
        return candidate.DayOfWeek switch
        {
            DayOfWeek.Saturday => target == 1 ? 3 : target - 1,
            DayOfWeek.Sunday => target == lastDay ? target - 2 : target + 1,
            _ => target,
        };
    }
}
