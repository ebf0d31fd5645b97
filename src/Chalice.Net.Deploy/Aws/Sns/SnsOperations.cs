namespace Chalice.Deploy.Aws.Sns;

/// <summary>The SNS operations the client calls, with how each behaves when replayed.</summary>
internal static class SnsOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.Sns, name, replay);

    /// <summary>
    /// <c>Subscribe</c>: subscribing the same endpoint to a topic again returns the first subscription's ARN instead of
    /// making a second one (observed on AWS: https://github.com/getmoto/moto/pull/1418; moto and LocalStack do the
    /// same), so a replay converges.
    /// </summary>
    public static AwsOperation Subscribe { get; } = Op("Subscribe", ReplayBehavior.Converges);

    /// <summary><c>Unsubscribe</c>: a replay finds the subscription gone.</summary>
    public static AwsOperation Unsubscribe { get; } = Op("Unsubscribe", ReplayBehavior.Deletes);

    /// <summary><c>ListSubscriptionsByTopic</c>.</summary>
    public static AwsOperation ListSubscriptionsByTopic { get; } = Op("ListSubscriptionsByTopic", ReplayBehavior.Read);

    /// <summary><c>GetSubscriptionAttributes</c>.</summary>
    public static AwsOperation GetSubscriptionAttributes { get; } = Op("GetSubscriptionAttributes", ReplayBehavior.Read);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } = [Subscribe, Unsubscribe, ListSubscriptionsByTopic, GetSubscriptionAttributes];
}
