using System.Net;
using Chalice.Deploy.Aws.Sns;
using static Chalice.Deploy.Aws.Sns.SnsOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// SNS topics and their subscriptions in memory, answering as SNS does for the operations the deployer uses (the SNS
/// model, shared/fixtures/aws-models/sns/2010-03-31/service-2.json: NotFound 404): a topic must exist (the deployer never
/// creates one: tests make them with <see cref="CreateTopic"/>); subscribing the same endpoint again returns the first
/// subscription's ARN (https://github.com/getmoto/moto/pull/1418); a subscription's ARN is the topic's ARN and an id.
/// </summary>
internal sealed class InMemorySns(InMemoryCalls calls, string region, string account) : ISnsApi
{
    private readonly Dictionary<string, List<SnsSubscription>> _topics = new(StringComparer.Ordinal);

    /// <summary>Creates a topic, as its owner would outside the deployer; returns its ARN.</summary>
    public string CreateTopic(string name)
    {
        var arn = $"arn:aws:sns:{region}:{account}:{name}";
        _topics.TryAdd(arn, []);
        return arn;
    }

    public Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken = default) =>
        calls.Run(Subscribe, () =>
        {
            var subscriptions = Topic(Subscribe, topicArn);
            if (subscriptions.FirstOrDefault(s => s.Protocol == protocol && s.Endpoint == endpoint) is { } existing)
                return existing.SubscriptionArn;
            var subscription = new SnsSubscription($"{topicArn}:{Guid.NewGuid()}", protocol, endpoint, topicArn, account);
            subscriptions.Add(subscription);
            return subscription.SubscriptionArn;
        });

    public Task UnsubscribeAsync(string subscriptionArn, CancellationToken cancellationToken = default) =>
        calls.Run(Unsubscribe, () =>
        {
            foreach (var subscriptions in _topics.Values)
                subscriptions.RemoveAll(s => s.SubscriptionArn == subscriptionArn);
        });

    public Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<SnsSubscription>>(ListSubscriptionsByTopic, () => [.. Topic(ListSubscriptionsByTopic, topicArn)]);

    public Task<IReadOnlyDictionary<string, string>?> GetSubscriptionAttributesAsync(
        string subscriptionArn, CancellationToken cancellationToken = default) =>
        calls.RunOrNull<IReadOnlyDictionary<string, string>>(GetSubscriptionAttributes, () =>
        {
            var subscription = _topics.Values.SelectMany(s => s).FirstOrDefault(s => s.SubscriptionArn == subscriptionArn)
                ?? throw InMemoryCalls.Error(GetSubscriptionAttributes, HttpStatusCode.NotFound, "NotFound", "Subscription does not exist");
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SubscriptionArn"] = subscription.SubscriptionArn,
                ["TopicArn"] = subscription.TopicArn!,
                ["Protocol"] = subscription.Protocol!,
                ["Endpoint"] = subscription.Endpoint!,
                ["Owner"] = account,
                ["PendingConfirmation"] = "false",
                ["ConfirmationWasAuthenticated"] = "true",
                ["RawMessageDelivery"] = "false",
            };
        });

    private List<SnsSubscription> Topic(Chalice.Deploy.Aws.AwsOperation operation, string topicArn) =>
        _topics.TryGetValue(topicArn, out var subscriptions)
            ? subscriptions
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFound", "Topic does not exist");
}
