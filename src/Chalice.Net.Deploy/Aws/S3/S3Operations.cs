namespace Chalice.Deploy.Aws.S3;

/// <summary>The S3 operations the client calls, with how each behaves when replayed.</summary>
internal static class S3Operations
{
    /// <summary><c>GetBucketNotificationConfiguration</c>.</summary>
    public static AwsOperation GetBucketNotificationConfiguration { get; } =
        new(AwsService.S3, "GetBucketNotificationConfiguration", ReplayBehavior.Read);

    /// <summary><c>PutBucketNotificationConfiguration</c>: replaces the whole configuration, so a replay converges.</summary>
    public static AwsOperation PutBucketNotificationConfiguration { get; } =
        new(AwsService.S3, "PutBucketNotificationConfiguration", ReplayBehavior.Converges);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } = [GetBucketNotificationConfiguration, PutBucketNotificationConfiguration];
}
