namespace Chalice;

/// <summary>
/// Runs the method for the EventBridge (CloudWatch Events) events that match a pattern (Chalice's <c>on_cw_event</c>):
/// a rule sends it each one as an <see cref="Events.EventBridgeEvent"/>, or an <see cref="Events.EventBridgeEvent{TDetail}"/>
/// with a detail type of the app's.
/// </summary>
/// <example><c>[OnCloudWatchEvent("""{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}""")]</c></example>
/// <param name="eventPattern">
/// The event pattern, a JSON object whose values are arrays or objects:
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html.
/// </param>
public sealed class OnCloudWatchEventAttribute(string eventPattern) : FunctionAttribute
{
    /// <summary>The event pattern's JSON.</summary>
    public string EventPattern { get; } = eventPattern;
}
