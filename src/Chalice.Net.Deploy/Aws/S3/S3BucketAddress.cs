using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws.S3;

/// <summary>
/// Where a bucket's subresource is addressed. On AWS's own endpoint, virtual-hosted style
/// (<c>https://{bucket}.s3.{region}.amazonaws.com/?notification</c>), the style S3 recommends and the SDKs use; path
/// style (<c>{endpoint}/{bucket}?notification</c>) for a custom endpoint (moto, LocalStack: the SDKs'
/// <c>ForcePathStyle</c>) and for bucket names that cannot be a DNS label under TLS (with dots, or upper case)
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html).
/// </summary>
internal static partial class S3BucketAddress
{
    /// <summary>The URI of <paramref name="subresource"/> (e.g. <c>notification</c>) of <paramref name="bucket"/>.</summary>
    public static Uri Of(AwsEndpoint endpoint, string bucket, string subresource)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var url = endpoint.Url;
        var awsHost = $"s3.{endpoint.SigningRegion}.{AwsPartition.ForRegion(endpoint.SigningRegion).DnsSuffix}";
        if (url.Host == awsHost && url.AbsolutePath == "/" && VirtualHostable().IsMatch(bucket))
            return new Uri($"{url.Scheme}://{bucket}.{url.Authority}/?{subresource}");
        var basePath = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{basePath}/{Uri.EscapeDataString(bucket)}?{subresource}");
    }

    // A DNS label: lower-case letters, digits and hyphens, 3 to 63 long, starting and ending with a letter or digit.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex VirtualHostable();
}
