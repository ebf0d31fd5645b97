using System.Net;
using Chalice.Deploy.Aws.Sqs;
using static Chalice.Deploy.Aws.Sqs.SqsOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// SQS queues in memory, answering the deployer's reads as SQS does (the SQS model,
/// shared/fixtures/aws-models/sqs/2012-11-05/service-2.json: QueueDoesNotExist, 400). The deployer never creates a
/// queue: tests make them with <see cref="CreateQueue"/>.
/// </summary>
internal sealed class InMemorySqs(InMemoryCalls calls, string region, string account) : ISqsApi
{
    private readonly Dictionary<string, string> _arnsByUrl = new(StringComparer.Ordinal);

    /// <summary>Creates a queue, as its owner would outside the deployer; returns its ARN.</summary>
    public string CreateQueue(string name)
    {
        var arn = $"arn:aws:sqs:{region}:{account}:{name}";
        _arnsByUrl[Url(name)] = arn;
        return arn;
    }

    /// <summary>Whether a queue of that ARN exists.</summary>
    public bool HasQueueArn(string arn) => _arnsByUrl.ContainsValue(arn);

    public Task<string?> GetQueueUrlAsync(string queueName, string? ownerAccount = null, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetQueueUrl, () => (ownerAccount is null || ownerAccount == account) && _arnsByUrl.ContainsKey(Url(queueName))
            ? Url(queueName)
            : throw Missing(GetQueueUrl));

    public Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(
        string queueUrl, IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyDictionary<string, string>>(GetQueueAttributes, () =>
        {
            if (!_arnsByUrl.TryGetValue(queueUrl, out var arn))
                throw Missing(GetQueueAttributes);
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (attributeNames.Contains("QueueArn") || attributeNames.Contains("All"))
                attributes["QueueArn"] = arn;
            return attributes;
        });

    private string Url(string name) => $"https://sqs.{region}.amazonaws.com/{account}/{name}";

    private static Chalice.Deploy.Aws.AwsServiceException Missing(Chalice.Deploy.Aws.AwsOperation operation) =>
        InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "QueueDoesNotExist", "The specified queue does not exist.");
}
