namespace Chalice.Local.S3.Operations;

/// <summary>What <c>x-amz-copy-source</c> names: a bucket, a key, and optionally one version of it.</summary>
internal sealed record CopySource(string Bucket, string Key, string? VersionId);
