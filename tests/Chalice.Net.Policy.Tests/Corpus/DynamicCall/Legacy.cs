using Amazon.S3;
using Amazon.S3.Model;

namespace DynamicCall;

public sealed class Legacy(IAmazonS3 s3)
{
    public async Task Save(object request)
    {
        dynamic client = s3;
        await client.PutObjectAsync((dynamic)request);
    }

    public object? Invoke(string operation, AmazonWebServiceRequestHolder holder) =>
        typeof(IAmazonS3).GetMethod(operation)!.Invoke(s3, [holder.Request, CancellationToken.None]);

    public Task<ListBucketsResponse> Typed() => s3.ListBucketsAsync();
}

public sealed record AmazonWebServiceRequestHolder(object Request);
