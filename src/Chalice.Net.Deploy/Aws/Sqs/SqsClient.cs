using Chalice.Deploy.Aws.Protocols;

namespace Chalice.Deploy.Aws.Sqs;

/// <summary><see cref="ISqsApi"/> over SQS's JSON protocol (<c>AmazonSQS.*</c>, JSON 1.0).</summary>
internal sealed class SqsClient(JsonChannel channel) : ISqsApi
{
    private static SqsJsonContext Json => SqsJsonContext.Default;

    public async Task<string?> GetQueueUrlAsync(string queueName, string? ownerAccount = null, CancellationToken cancellationToken = default)
    {
        var output = await channel.SendAsync(SqsOperations.GetQueueUrl, new GetQueueUrlInput(queueName, ownerAccount), Json.GetQueueUrlInput,
            Json.GetQueueUrlOutput, cancellationToken).OrNullIfNotFound().ConfigureAwait(false);
        return output?.QueueUrl;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(
        string queueUrl, IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default)
    {
        var output = await channel.SendAsync(SqsOperations.GetQueueAttributes, new GetQueueAttributesInput(queueUrl, attributeNames),
            Json.GetQueueAttributesInput, Json.GetQueueAttributesOutput, cancellationToken).ConfigureAwait(false);
        return output.Attributes ?? new Dictionary<string, string>();
    }
}
