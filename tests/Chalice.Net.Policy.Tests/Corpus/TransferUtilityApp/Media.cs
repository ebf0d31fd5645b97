using Amazon.S3;
using Amazon.S3.Transfer;

namespace TransferUtilityApp;

public sealed class Media(IAmazonS3 s3)
{
    private const string Bucket = "media-library";
    private readonly TransferUtility _transfer = new(s3);

    public Task Upload(Stream video, string name) => _transfer.UploadAsync(video, Bucket, $"videos/{name}");

    public Task Mirror(string localDirectory) =>
        _transfer.DownloadDirectoryAsync(new TransferUtilityDownloadDirectoryRequest
        {
            BucketName = Bucket,
            S3Directory = "thumbnails/",
            LocalDirectory = localDirectory,
        });

    public Stream Open(string key)
    {
        ITransferUtility transfer = _transfer;
        return transfer.OpenStream(Bucket, key);
    }
}
