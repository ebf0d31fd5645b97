namespace Chalice.Deploy.Aws.Sqs;

/// <summary>The SQS operations the client calls (reads only).</summary>
internal static class SqsOperations
{
    /// <summary><c>GetQueueUrl</c>.</summary>
    public static AwsOperation GetQueueUrl { get; } = new(AwsService.Sqs, "GetQueueUrl", ReplayBehavior.Read);

    /// <summary><c>GetQueueAttributes</c>.</summary>
    public static AwsOperation GetQueueAttributes { get; } = new(AwsService.Sqs, "GetQueueAttributes", ReplayBehavior.Read);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } = [GetQueueUrl, GetQueueAttributes];
}
