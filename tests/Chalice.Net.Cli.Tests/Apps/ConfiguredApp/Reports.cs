using Amazon.S3;

namespace ConfiguredApp;

public sealed class Reports(IAmazonS3 s3)
{
    private static readonly string Bucket = Environment.GetEnvironmentVariable("REPORTS_BUCKET") ?? "reports-local";

    public Task Publish(string name, string body) => s3.PutObjectAsync(new() { BucketName = Bucket, Key = name, ContentBody = body });
}
