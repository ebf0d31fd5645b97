namespace Chalice;

/// <summary>
/// Runs the method for every message published to an SNS topic (Chalice's <c>on_sns_message</c>): a subscription
/// sends it an <see cref="Events.SnsEvent"/>.
/// </summary>
/// <example><c>[OnSnsMessage("alerts")]</c></example>
/// <param name="topic">The topic's name, or its ARN.</param>
public sealed class OnSnsMessageAttribute(string topic) : FunctionAttribute
{
    /// <summary>The topic's name or ARN.</summary>
    public string Topic { get; } = topic;
}
