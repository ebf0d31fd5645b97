using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws.Sns;

/// <summary>
/// The ARN of the topic an app names. Chalice takes a topic name or ARN and, for a name, builds
/// <c>arn:{partition}:sns:{region}:{account}:{name}</c> from the function's own ARN rather than calling
/// <c>CreateTopic</c> (which would create the user's topic): aws/chalice <c>chalice/deploy/planner.py</c>,
/// <c>_plan_snslambdasubscription</c>. The topic must exist in the function's account and region.
/// </summary>
internal static partial class SnsTopicArn
{
    /// <summary>The topic's ARN: <paramref name="topic"/> itself when it is an SNS ARN, else built from the name.</summary>
    /// <param name="topic">A topic name or ARN, as the app declares it.</param>
    /// <param name="region">The function's region.</param>
    /// <param name="account">The function's account.</param>
    public static string Resolve(string topic, string region, string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (IsArn(topic))
            return topic;
        return $"arn:{AwsPartition.ForRegion(region).Id}:sns:{region}:{account}:{topic}";
    }

    /// <summary>The topic name of an SNS topic ARN (its last field; topic names cannot hold a colon).</summary>
    public static string Name(string topicArn) => topicArn[(topicArn.LastIndexOf(':') + 1)..];

    /// <summary>Whether <paramref name="topic"/> is an SNS ARN in any partition (Chalice's test, <c>^arn:aws[a-z\-]*:sns:</c>).</summary>
    public static bool IsArn(string topic) => SnsArn().IsMatch(topic);

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sns:")]
    private static partial Regex SnsArn();
}
