using Chalice.Configuration;
using Chalice.Local.S3.Protocol;

namespace Chalice.Local.S3;

/// <summary>
/// Which S3 buckets an app is known to use, so that the stand-in creates exactly those and answers
/// <c>NoSuchBucket</c> for any other, as AWS would. This is the one place that decides it: add new sources of bucket
/// names (buckets named by S3 event handlers, say) here.
/// </summary>
public static class LocalS3Buckets
{
    /// <summary>
    /// The buckets declared for a stage under <c>local_s3_buckets</c> in <c>.chalice/config.json</c> (top level or per
    /// stage; the stage's list wins), without repeats. Buckets the app creates itself need no declaring.
    /// </summary>
    /// <exception cref="ChaliceConfigException">A name is not a valid S3 bucket name.</exception>
    public static IReadOnlyList<string> Of(StageConfig stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var buckets = stage.LocalS3Buckets.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var bucket in buckets)
        {
            if (!BucketName.IsValid(bucket))
                throw new ChaliceConfigException(
                    $"{ChaliceConfig.RelativePath}: \"local_s3_buckets\" lists \"{bucket}\", which is not a valid S3 bucket name " +
                    "(3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit).");
        }
        return buckets;
    }
}
