using Chalice.Deploy.Aws.Protocols;

namespace Chalice.Deploy.Aws.S3;

/// <summary>
/// <see cref="IS3Api"/> over S3's rest-xml protocol. AWSSDK.S3 is available and could do this, but then these two
/// calls would bypass what every other deployer call goes through: this pipeline's SigV4 seam, its retry policy and
/// replay rules, the call observer that counts a deploy's calls, and the fault-injection tests.
/// </summary>
internal sealed class S3Client(RestXmlChannel channel) : IS3Api
{
    public async Task<BucketNotificationConfiguration> GetBucketNotificationConfigurationAsync(
        string bucket, string? expectedBucketOwner = null, CancellationToken cancellationToken = default)
    {
        var root = await channel.SendForXmlAsync(S3Operations.GetBucketNotificationConfiguration, HttpMethod.Get,
            S3BucketAddress.Of(channel.Endpoint, bucket, "notification"), OwnerHeader(expectedBucketOwner), cancellationToken).ConfigureAwait(false);
        return BucketNotificationConfiguration.Parse(root);
    }

    public Task PutBucketNotificationConfigurationAsync(
        string bucket, BucketNotificationConfiguration configuration, string? expectedBucketOwner = null,
        CancellationToken cancellationToken = default) =>
        channel.SendAsync(S3Operations.PutBucketNotificationConfiguration, HttpMethod.Put, S3BucketAddress.Of(channel.Endpoint, bucket, "notification"),
            configuration.ToXml(), OwnerHeader(expectedBucketOwner), cancellationToken);

    private static Dictionary<string, string>? OwnerHeader(string? expectedBucketOwner) =>
        expectedBucketOwner is null ? null : new() { ["x-amz-expected-bucket-owner"] = expectedBucketOwner };
}
