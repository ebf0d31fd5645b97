using StorageLibrary;

namespace ProjectReferenceApp;

// The S3 calls live in a referenced project; the analyzer reads its sources too.
public sealed class Api(BlobStore store)
{
    public Task Save(string key, string content) => store.Put(key, content);
}
