namespace Chalice.Deploy.Aws.S3;

/// <summary>
/// The S3 operations the deployer uses: a bucket's notification configuration, which it reads, changes only in its
/// own Lambda entries, and writes back with every other entry exactly as it was.
/// </summary>
internal interface IS3Api
{
    /// <summary>A bucket's notification configuration (empty when it has none).</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="expectedBucketOwner">When set, S3 refuses the call if another account owns the bucket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<BucketNotificationConfiguration> GetBucketNotificationConfigurationAsync(
        string bucket, string? expectedBucketOwner = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a bucket's notification configuration. S3 checks every destination first: a Lambda function must
    /// already allow <c>s3.amazonaws.com</c> to invoke it for this bucket.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="configuration">The whole configuration (read it first and change only your entries).</param>
    /// <param name="expectedBucketOwner">When set, S3 refuses the call if another account owns the bucket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task PutBucketNotificationConfigurationAsync(
        string bucket, BucketNotificationConfiguration configuration, string? expectedBucketOwner = null,
        CancellationToken cancellationToken = default);
}
