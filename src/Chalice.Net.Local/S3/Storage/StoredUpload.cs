namespace Chalice.Local.S3.Storage;

/// <summary>A multipart upload in progress: what CreateMultipartUpload set, kept until it is completed or aborted.</summary>
/// <param name="Key">The key the completed object will have.</param>
/// <param name="UploadId">The id S3 handed out.</param>
/// <param name="Initiated">When the upload was created.</param>
/// <param name="Properties">The headers and user metadata the completed object will carry.</param>
/// <param name="Checksum">The checksum algorithm and type the completed object will carry, if one was asked for.</param>
internal sealed record StoredUpload(
    string Key,
    string UploadId,
    DateTimeOffset Initiated,
    ObjectProperties Properties,
    UploadChecksum? Checksum);
