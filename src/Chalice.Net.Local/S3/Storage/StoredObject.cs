namespace Chalice.Local.S3.Storage;

/// <summary>Everything the store keeps about an object besides its bytes.</summary>
/// <param name="Key">The object's key.</param>
/// <param name="Size">The length of the body in bytes.</param>
/// <param name="ETag">The quoted MD5 hex digest of the body, as S3 computes it for a single-part upload.</param>
/// <param name="LastModified">When the object was written, to the second like S3's <c>Last-Modified</c>.</param>
/// <param name="Checksum">The additional checksum the uploader asked for, if any.</param>
/// <param name="Properties">The headers and user metadata set by the uploader.</param>
internal sealed record StoredObject(
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    ObjectChecksum? Checksum,
    ObjectProperties Properties);
