namespace Chalice.Deploy.Aws.Sns;

/// <summary>
/// The SNS operations the deployer uses to subscribe a function to a topic the user owns (it never creates or
/// deletes topics), and to find and check its subscriptions again.
/// </summary>
internal interface ISnsApi
{
    /// <summary>
    /// Subscribes an endpoint to a topic and returns the subscription's ARN (never "pending confirmation": a
    /// <c>lambda</c> subscription needs no confirmation). Subscribing the same endpoint again returns the same ARN.
    /// </summary>
    Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subscription.</summary>
    Task UnsubscribeAsync(string subscriptionArn, CancellationToken cancellationToken = default);

    /// <summary>A topic's subscriptions (all pages).</summary>
    Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default);

    /// <summary>A subscription's attributes (<c>TopicArn</c>, <c>Endpoint</c>, <c>Protocol</c>, …), or null when it does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetSubscriptionAttributesAsync(string subscriptionArn, CancellationToken cancellationToken = default);
}

/// <summary>A subscription as <c>ListSubscriptionsByTopic</c> returns it.</summary>
/// <param name="SubscriptionArn">The subscription ARN (<c>PendingConfirmation</c> for an unconfirmed e-mail or HTTP one).</param>
/// <param name="Protocol">The protocol, e.g. <c>lambda</c>.</param>
/// <param name="Endpoint">The endpoint, e.g. the function's ARN.</param>
/// <param name="TopicArn">The topic.</param>
/// <param name="Owner">The subscription owner's account.</param>
internal sealed record SnsSubscription(string SubscriptionArn, string? Protocol, string? Endpoint, string? TopicArn, string? Owner);
