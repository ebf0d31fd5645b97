namespace Chalice.Local.S3.Storage;

/// <summary>The outcome of <see cref="FileObjectStore.DeleteBucket"/>.</summary>
internal enum BucketDeletion
{
    Deleted,
    NotFound,
    NotEmpty,
}
