namespace Chalice.Deploy.Aws.Sqs;

/// <summary>
/// The SQS operations the deployer uses to resolve the queue an app names to its ARN, for an event source mapping.
/// Chalice.Net never creates or deletes the user's queues, as Chalice does not.
/// </summary>
internal interface ISqsApi
{
    /// <summary>A queue's URL, or null when no queue of that name exists (in <paramref name="ownerAccount"/>, else the caller's).</summary>
    Task<string?> GetQueueUrlAsync(string queueName, string? ownerAccount = null, CancellationToken cancellationToken = default);

    /// <summary>Attributes of a queue (e.g. <c>QueueArn</c>); throws when the queue does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(
        string queueUrl, IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default);
}
