// This file is compiled into both Chalice.Net and Chalice.Net.Generators (netstandard2.0), so that the compile-time
// diagnostic and anything that runs a schedule agree on what EventBridge accepts. Keep it to C# that netstandard2.0
// accepts.
using System;
using System.Globalization;

namespace Chalice.Functions
{
    /// <summary>
    /// EventBridge's schedule expressions, <c>rate(value unit)</c> and <c>cron(minutes hours day-of-month month
    /// day-of-week year)</c>, checked as AWS documents them:
    /// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html ("If the value is equal to 1,
    /// then the unit must be singular. If the value is greater than 1, the unit must be plural") and
    /// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html (six required fields,
    /// each field's values and wildcards, and "You can't specify the Day-of-month and Day-of-week fields in the same
    /// cron expression. If you specify a value or a * (asterisk) in one of the fields, you must use a ? (question mark)
    /// in the other"); at most 256 characters (the <c>ScheduleExpression</c> shape of the EventBridge API model,
    /// shared/fixtures/aws-models/events).
    /// </summary>
    internal static class ScheduleExpressionSyntax
    {
        /// <summary>The longest expression <c>PutRule</c> takes.</summary>
        public const int MaxLength = 256;

        private static readonly string[] s_months = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
        private static readonly string[] s_days = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };
        private static readonly char[] s_whitespace = { ' ', '\t' };

        /// <summary>Whether EventBridge accepts <paramref name="expression"/>; otherwise <paramref name="error"/> says why.</summary>
        public static bool IsValid(string? expression, out string error)
        {
            error = "";
            if (expression is null || expression.Length == 0)
            {
                error = "the expression is empty; write rate(5 minutes) or cron(0 12 * * ? *)";
                return false;
            }
            if (expression.Length > MaxLength)
            {
                error = "EventBridge takes at most " + MaxLength + " characters";
                return false;
            }
            if (expression.StartsWith("rate(", StringComparison.Ordinal) && expression.EndsWith(")", StringComparison.Ordinal))
                return IsValidRate(expression.Substring(5, expression.Length - 6), out error);
            if (expression.StartsWith("cron(", StringComparison.Ordinal) && expression.EndsWith(")", StringComparison.Ordinal))
                return IsValidCron(expression.Substring(5, expression.Length - 6), out error);
            error = "it must be rate(value unit) or cron(minutes hours day-of-month month day-of-week year)";
            return false;
        }

        private static bool IsValidRate(string inner, out string error)
        {
            error = "";
            var parts = inner.Split(s_whitespace, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                error = "a rate has a value and a unit, like rate(5 minutes)";
                return false;
            }
            if (!IsDigits(parts[0]) || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = "the value '" + parts[0] + "' must be a positive whole number";
                return false;
            }
            var unit = parts[1];
            var singular = unit == "minute" || unit == "hour" || unit == "day";
            var plural = unit == "minutes" || unit == "hours" || unit == "days";
            if (!singular && !plural)
            {
                error = "the unit '" + unit + "' must be minute, minutes, hour, hours, day or days";
                return false;
            }
            if (value == 1 && plural)
            {
                error = "a value of 1 takes the singular unit: rate(1 " + unit.Substring(0, unit.Length - 1) + ")";
                return false;
            }
            if (value > 1 && singular)
            {
                error = "a value above 1 takes the plural unit: rate(" + parts[0] + " " + unit + "s)";
                return false;
            }
            return true;
        }

        private static bool IsValidCron(string inner, out string error)
        {
            var fields = inner.Split(s_whitespace, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
            {
                error = "a cron expression has six fields (minutes hours day-of-month month day-of-week year), not " + fields.Length;
                return false;
            }
            if (!IsValidField(fields[0], CronField.Minutes, out error)
                || !IsValidField(fields[1], CronField.Hours, out error)
                || !IsValidField(fields[2], CronField.DayOfMonth, out error)
                || !IsValidField(fields[3], CronField.Month, out error)
                || !IsValidField(fields[4], CronField.DayOfWeek, out error)
                || !IsValidField(fields[5], CronField.Year, out error))
                return false;
            var anyDayOfMonth = fields[2] == "?";
            var anyDayOfWeek = fields[4] == "?";
            if (anyDayOfMonth == anyDayOfWeek)
            {
                error = anyDayOfMonth
                    ? "day-of-month and day-of-week cannot both be '?': give one of them a value or *"
                    : "day-of-month and day-of-week cannot both be given: write ? in one of them (cron(0 12 * * ? *))";
                return false;
            }
            return true;
        }

        private enum CronField
        {
            Minutes,
            Hours,
            DayOfMonth,
            Month,
            DayOfWeek,
            Year,
        }

        private static bool IsValidField(string field, CronField kind, out string error)
        {
            error = "";
            if (field == "?")
            {
                if (kind == CronField.DayOfMonth || kind == CronField.DayOfWeek)
                    return true;
                return Fail(field, kind, "'?' is only for day-of-month or day-of-week", out error);
            }
            var items = field.Split(',');
            if (kind == CronField.DayOfWeek && field.IndexOf('#') >= 0 && items.Length > 1)
                return Fail(field, kind, "a '#' value must be the field's only one (3#1,6#3 is two)", out error);
            foreach (var item in items)
            {
                if (!IsValidItem(item, kind, out var problem))
                    return Fail(field, kind, problem, out error);
            }
            return true;
        }

        private static bool IsValidItem(string item, CronField kind, out string problem)
        {
            problem = "";
            if (item.Length == 0)
            {
                problem = "it has an empty value";
                return false;
            }
            if (kind == CronField.DayOfMonth && (item == "L" || item == "LW"))
                return true;
            if (kind == CronField.DayOfMonth && item.EndsWith("W", StringComparison.Ordinal))
                return IsValue(item.Substring(0, item.Length - 1), kind, out problem);
            if (kind == CronField.DayOfWeek && item == "L")
                return true;
            if (kind == CronField.DayOfWeek && item.EndsWith("L", StringComparison.Ordinal))
                return IsValue(item.Substring(0, item.Length - 1), kind, out problem);
            if (kind == CronField.DayOfWeek && item.IndexOf('#') >= 0)
            {
                var parts = item.Split('#');
                if (parts.Length != 2 || !IsValue(parts[0], kind, out problem))
                {
                    problem = problem.Length > 0 ? problem : "'" + item + "' is not day#n";
                    return false;
                }
                if (!IsDigits(parts[1]) || parts[1].Length > 1 || parts[1][0] < '1' || parts[1][0] > '5')
                {
                    problem = "in '" + item + "' the week of the month must be 1 to 5";
                    return false;
                }
                return true;
            }

            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                if (kind == CronField.DayOfWeek)
                {
                    problem = "'/' is not allowed in day-of-week";
                    return false;
                }
                var increment = item.Substring(slash + 1);
                if (!IsDigits(increment) || !int.TryParse(increment, NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                {
                    problem = "the increment in '" + item + "' must be a positive whole number";
                    return false;
                }
                item = item.Substring(0, slash);
            }
            if (item == "*")
                return true;
            var dash = item.IndexOf('-');
            if (dash > 0)
                return IsValue(item.Substring(0, dash), kind, out problem) && IsValue(item.Substring(dash + 1), kind, out problem);
            return IsValue(item, kind, out problem);
        }

        private static bool IsValue(string text, CronField kind, out string problem)
        {
            problem = "";
            if (kind == CronField.Month && Array.IndexOf(s_months, text.ToUpperInvariant()) >= 0)
                return true;
            if (kind == CronField.DayOfWeek && Array.IndexOf(s_days, text.ToUpperInvariant()) >= 0)
                return true;
            int min, max;
            switch (kind)
            {
                case CronField.Minutes: min = 0; max = 59; break;
                case CronField.Hours: min = 0; max = 23; break;
                case CronField.DayOfMonth: min = 1; max = 31; break;
                case CronField.Month: min = 1; max = 12; break;
                case CronField.DayOfWeek: min = 1; max = 7; break;
                default: min = 1970; max = 2199; break;
            }
            if (IsDigits(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return true;
            var names = kind == CronField.Month ? " or JAN-DEC" : kind == CronField.DayOfWeek ? " or SUN-SAT" : "";
            problem = "'" + text + "' is not " + min + "-" + max + names;
            return false;
        }

        private static bool Fail(string field, CronField kind, string problem, out string error)
        {
            error = "the " + Describe(kind) + " field '" + field + "' is invalid: " + problem;
            return false;
        }

        private static string Describe(CronField kind)
        {
            switch (kind)
            {
                case CronField.Minutes: return "minutes";
                case CronField.Hours: return "hours";
                case CronField.DayOfMonth: return "day-of-month";
                case CronField.Month: return "month";
                case CronField.DayOfWeek: return "day-of-week";
                default: return "year";
            }
        }

        private static bool IsDigits(string text)
        {
            if (text.Length == 0)
                return false;
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                    return false;
            }
            return true;
        }
    }
}
