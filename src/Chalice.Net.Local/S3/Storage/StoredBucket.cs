namespace Chalice.Local.S3.Storage;

/// <summary>A bucket as <c>ListBuckets</c> shows it.</summary>
internal sealed record StoredBucket(string Name, DateTimeOffset CreationDate);
