using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.QueryResponse;

namespace Chalice.Deploy.Aws.Sns;

/// <summary><see cref="ISnsApi"/> over SNS's query protocol.</summary>
internal sealed class SnsClient(QueryChannel channel) : ISnsApi
{
    public async Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(channel.Request(SnsOperations.Subscribe)
            .Add("TopicArn", topicArn).Add("Protocol", protocol).Add("Endpoint", endpoint)
            // Without it an unconfirmed subscription answers "pending confirmation" instead of its ARN.
            .Add("ReturnSubscriptionArn", "true"), cancellationToken).ConfigureAwait(false);
        return Text(response.Result, "SubscriptionArn") ?? "";
    }

    public Task UnsubscribeAsync(string subscriptionArn, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(channel.Request(SnsOperations.Unsubscribe).Add("SubscriptionArn", subscriptionArn), cancellationToken);

    public async Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        var subscriptions = new List<SnsSubscription>();
        string? token = null;
        do
        {
            var response = await channel.SendAsync(
                channel.Request(SnsOperations.ListSubscriptionsByTopic).Add("TopicArn", topicArn).Add("NextToken", token),
                cancellationToken).ConfigureAwait(false);
            subscriptions.AddRange(Members(response.Result, "Subscriptions").Select(m => new SnsSubscription(
                Text(m, "SubscriptionArn") ?? "", Text(m, "Protocol"), Text(m, "Endpoint"), Text(m, "TopicArn"), Text(m, "Owner"))));
            var next = Text(response.Result, "NextToken");
            token = next is { Length: > 0 } && next != token ? next : null;
        }
        while (token is not null);
        return subscriptions;
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetSubscriptionAttributesAsync(
        string subscriptionArn, CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(
                channel.Request(SnsOperations.GetSubscriptionAttributes).Add("SubscriptionArn", subscriptionArn), cancellationToken)
            .OrNullIfNotFound().ConfigureAwait(false);
        if (response is null)
            return null;
        // A query-protocol map: <Attributes><entry><key/><value/></entry>…</Attributes>.
        return Child(response.Result, "Attributes")?.Elements().Where(e => e.Name.LocalName == "entry")
                   .ToDictionary(e => Text(e, "key") ?? "", e => Text(e, "value") ?? "", StringComparer.Ordinal)
               ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
