using Amazon.S3;
using Amazon.S3.Model;

namespace CopyObjectApp;

public sealed class Promoter(IAmazonS3 s3)
{
    private const string Staging = "site-staging";
    private const string Production = "site-production";

    public Task Promote(string page) => s3.CopyObjectAsync(Staging, $"pages/{page}", Production, $"pages/{page}");

    public Task Backup() => s3.CopyObjectAsync(new CopyObjectRequest
    {
        SourceBucket = Production,
        SourceKey = "index.html",
        DestinationBucket = "site-backups",
        DestinationKey = "latest/index.html",
    });
}
