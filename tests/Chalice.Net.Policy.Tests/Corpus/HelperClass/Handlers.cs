namespace HelperClass;

public sealed class Handlers
{
    private readonly UploadStore _store = new(new Amazon.S3.AmazonS3Client());

    public Task Upload(string id, Stream body) => _store.Save(id, body);

    public Task<bool> Exists(string id) => _store.Exists(id);
}
