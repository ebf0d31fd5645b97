namespace Chalice.Local.S3.Storage;

/// <summary>A bucket as <c>ListBuckets</c> shows it, with its versioning state.</summary>
/// <param name="Name">The bucket's name.</param>
/// <param name="CreationDate">When it was created.</param>
/// <param name="Versioning"><c>Enabled</c> or <c>Suspended</c> once PutBucketVersioning set it; null for a bucket whose versioning was never set.</param>
internal sealed record StoredBucket(string Name, DateTimeOffset CreationDate, string? Versioning = null)
{
    public const string Enabled = "Enabled";
    public const string Suspended = "Suspended";
}
