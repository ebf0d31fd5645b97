using Amazon.S3;

namespace EnvironmentConfig;

public sealed class Uploads(IAmazonS3 s3)
{
    // Set per stage in .chalice/config.json.
    private static readonly string Bucket = Environment.GetEnvironmentVariable("UPLOAD_BUCKET") ?? "uploads-local";

    // Not declared in the config: the deployed function sees null, so the default is the bucket.
    private static string ArchiveBucket => Environment.GetEnvironmentVariable("ARCHIVE_BUCKET") ?? "uploads-archive";

    public Task Save(string key, string body) => s3.PutObjectAsync(new() { BucketName = Bucket, Key = key, ContentBody = body });

    public Task Archive(string key) => s3.DeleteObjectAsync(ArchiveBucket, key);
}
