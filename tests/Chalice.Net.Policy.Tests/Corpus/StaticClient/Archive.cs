using Amazon.S3;
using Amazon.S3.Model;

namespace StaticClient;

public static class Archive
{
    // A static client of the concrete type, not the interface.
    private static readonly AmazonS3Client Client = new();

    public static string Bucket { get; } = "static-archive";

    public static async Task<long> Size(string key) =>
        (await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key })).ContentLength;

    public static Task Restore(string key) =>
        Client.RestoreObjectAsync(new RestoreObjectRequest { BucketName = Bucket, Key = key, Days = 2 });

    public static Task<ListBucketsResponse> Buckets() => Client.ListBucketsAsync();
}
