namespace Chalice.Local.S3.Storage;

/// <summary>Everything the store keeps about an object (one version of a key) besides its bytes.</summary>
/// <param name="Key">The object's key.</param>
/// <param name="Size">The length of the body in bytes.</param>
/// <param name="ETag">The quoted MD5 hex digest of the body for a single-part upload; for a multipart upload, the MD5 of the parts' MD5s and <c>-N</c>.</param>
/// <param name="LastModified">When the object was written, to the second like S3's <c>Last-Modified</c>.</param>
/// <param name="Checksum">The additional checksum the uploader asked for, if any.</param>
/// <param name="Properties">The headers and user metadata set by the uploader.</param>
/// <param name="VersionId">The version's id in a bucket with versioning enabled; null for the "null" version every other write makes.</param>
/// <param name="IsDeleteMarker">A delete marker, which a DeleteObject in a versioned bucket makes the current version.</param>
/// <param name="Sequence">Greater for a later version of the same key, ordering the versions newest first.</param>
internal sealed record StoredObject(
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    ObjectChecksum? Checksum,
    ObjectProperties Properties,
    string? VersionId = null,
    bool IsDeleteMarker = false,
    long Sequence = 0)
{
    /// <summary>The version id as S3 writes it: <c>null</c> for the null version.</summary>
    public string VersionIdText => VersionId ?? NullVersionId;

    /// <summary>The id of the version written while versioning was never enabled or suspended.</summary>
    public const string NullVersionId = "null";
}
