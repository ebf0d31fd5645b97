using Amazon.S3;

namespace MultiFile;

public sealed partial class Reports(IAmazonS3 s3, Amazon.SQS.IAmazonSQS sqs)
{
    public async Task Publish(string name, string body)
    {
        await s3.PutObjectAsync(new() { BucketName = Names.Bucket, Key = Names.ReportPrefix + name, ContentBody = body });
        await Announce(name);
    }
}
