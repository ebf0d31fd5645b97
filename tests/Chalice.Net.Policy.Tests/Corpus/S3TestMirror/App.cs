using Amazon.S3;
using Amazon.S3.Model;

namespace S3TestMirror;

// Mirrors samples/S3Test: GET and PUT /objects/{key} on one constant bucket, the client injected.
public partial class App(IAmazonS3 s3)
{
    const string Bucket = "ippevent-public";

    public async Task<string?> GetObject(string key)
    {
        using var response = await s3.GetObjectAsync(Bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    public async Task PutObject(string key, string body)
    {
        await s3.PutObjectAsync(new() { BucketName = Bucket, Key = key, ContentBody = body });
    }
}
