using Amazon.S3;
using Amazon.S3.Model;

namespace HelperClass;

// A helper in its own class: Chalice's app.py-only scan would miss these calls.
internal sealed class UploadStore(IAmazonS3 s3)
{
    private const string Bucket = "helper-uploads";

    public async Task Save(string id, Stream body)
    {
        var request = new PutObjectRequest { BucketName = Bucket };
        request.Key = $"uploads/{id}.bin";
        request.InputStream = body;
        await s3.PutObjectAsync(request);
    }

    public async Task<bool> Exists(string id)
    {
        try
        {
            await s3.GetObjectMetadataAsync(Bucket, $"uploads/{id}.bin");
            return true;
        }
        catch (AmazonS3Exception)
        {
            return false;
        }
    }
}
