using Amazon.S3;
using Amazon.S3.Model;

namespace ConstructorInjection;

public sealed class Catalog
{
    private static readonly string BucketName = "catalog-data";
    private readonly IAmazonS3 _s3;

    public Catalog(IAmazonS3 s3)
    {
        _s3 = s3;
    }

    private IAmazonS3 Client => _s3;

    public Task Remove(string key) => Client.DeleteObjectAsync(BucketName, key);

    public async Task<List<string>> Keys()
    {
        var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BucketName, Prefix = "items/" });
        return page.S3Objects?.Select(o => o.Key).ToList() ?? [];
    }

    public Task Tag(string key) => _s3.PutObjectTaggingAsync(new PutObjectTaggingRequest
    {
        BucketName = BucketName,
        Key = key,
        Tagging = new Tagging { TagSet = [new Tag { Key = "reviewed", Value = "true" }] },
    });
}
