namespace Chalice.Local.S3.Storage;

/// <summary>One uploaded part of a multipart upload, as ListParts shows it.</summary>
internal sealed record StoredPart(int PartNumber, long Size, string ETag, DateTimeOffset LastModified, ObjectChecksum? Checksum);
