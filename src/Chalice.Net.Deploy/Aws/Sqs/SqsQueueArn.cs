using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws.Sqs;

/// <summary>
/// The ARN of the queue an app names, by name or ARN. Chalice builds the ARN of a queue name from the function's
/// account and region without asking SQS (aws/chalice <c>chalice/deploy/planner.py</c>, <c>_plan_sqseventsource</c>);
/// Chalice.Net asks (<c>GetQueueUrl</c>, then <c>GetQueueAttributes</c> for <c>QueueArn</c>), so that a queue that
/// does not exist is named before anything is deployed, and the ARN is the one SQS reports.
/// </summary>
internal static partial class SqsQueueArn
{
    /// <summary>The queue's ARN, or null when no queue of that name exists.</summary>
    /// <param name="sqs">The SQS API of the function's region.</param>
    /// <param name="queue">A queue name or an SQS queue ARN.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public static async Task<string?> ResolveAsync(ISqsApi sqs, string queue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (IsArn(queue))
            return queue;
        if (await sqs.GetQueueUrlAsync(queue, cancellationToken: cancellationToken).ConfigureAwait(false) is not { } url)
            return null;
        var attributes = await sqs.GetQueueAttributesAsync(url, ["QueueArn"], cancellationToken).ConfigureAwait(false);
        return attributes.TryGetValue("QueueArn", out var arn) ? arn : null;
    }

    /// <summary>Whether <paramref name="queue"/> is an SQS ARN in any partition.</summary>
    public static bool IsArn(string queue) => QueueArn().IsMatch(queue);

    /// <summary>The queue name of an SQS queue ARN (its last field).</summary>
    public static string Name(string queueArn) => queueArn[(queueArn.LastIndexOf(':') + 1)..];

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sqs:")]
    private static partial Regex QueueArn();
}
