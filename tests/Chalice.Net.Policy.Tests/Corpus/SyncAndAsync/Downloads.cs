using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Amazon.S3.Util;

namespace SyncAndAsync;

public sealed class Downloads(IAmazonS3 s3)
{
    private const string Bucket = "downloads-bucket";

    // Synchronous SDK calls.
    public void Publish(string path) => new TransferUtility(s3).Upload(path, Bucket);

    public string UploadLink(string key) => s3.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = Bucket,
        Key = key,
        Verb = HttpVerb.PUT,
        Expires = DateTime.UtcNow.AddMinutes(5),
    });

    public string DownloadLink(string key) => s3.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = Bucket,
        Key = key,
        Expires = DateTime.UtcNow.AddMinutes(5),
    });

    // Asynchronous ones, including an SDK utility that calls S3 itself.
    public Task<bool> Ready() => AmazonS3Util.DoesS3BucketExistV2Async(s3, Bucket);

    public async Task<int> Count()
    {
        var count = 0;
        await foreach (var page in s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = Bucket }).Responses)
            count += page.KeyCount ?? 0;
        return count;
    }
}
