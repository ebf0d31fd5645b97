using Amazon.S3;
using Amazon.S3.Model;

namespace NonConstantBucket;

public sealed class Files(IAmazonS3 s3)
{
    private const string AuditBucket = "audit-trail";

    // The bucket comes from the caller: no resource can be proved.
    public Task<GetObjectResponse> Read(string bucket, string key) => s3.GetObjectAsync(bucket, key);

    public Task Delete(string bucket, string key) => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key });

    // A constant bucket in the same app is still narrowed; GetObject is already allowed on "*" above.
    public async Task Audit(string entry)
    {
        await s3.GetObjectAsync(AuditBucket, "index.json");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = AuditBucket, Key = "entries/" + entry, ContentBody = entry });
    }
}
