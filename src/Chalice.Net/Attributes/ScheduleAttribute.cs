namespace Chalice;

/// <summary>
/// Runs the method on a schedule (Chalice's <c>schedule</c>): an EventBridge rule with a schedule expression sends it a
/// scheduled event (<see cref="Events.EventBridgeEvent"/>, <c>detail-type</c> <c>Scheduled Event</c>). Times are UTC.
/// </summary>
/// <example><c>[Schedule("rate(5 minutes)")]</c>, <c>[Schedule("cron(0 3 * * ? *)", Description = "Nightly clean-up")]</c></example>
/// <param name="expression">
/// EventBridge's <c>rate(value unit)</c> (<c>rate(1 minute)</c>, <c>rate(5 minutes)</c>: singular for 1, plural
/// above) or <c>cron(minutes hours day-of-month month day-of-week year)</c>, with <c>?</c> in one of the two day fields.
/// </param>
public sealed class ScheduleAttribute(string expression) : FunctionAttribute
{
    /// <summary>The schedule expression.</summary>
    public string Expression { get; } = expression;

    /// <summary>The rule's description (Chalice's <c>description</c>).</summary>
    public string? Description { get; set; }
}
