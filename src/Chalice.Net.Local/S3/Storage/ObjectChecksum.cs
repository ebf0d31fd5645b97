namespace Chalice.Local.S3.Storage;

/// <summary>
/// An object's additional checksum: the algorithm's S3 name (<c>CRC32</c>, …), the base64 value, and its type:
/// <c>FULL_OBJECT</c> (a checksum of the whole body) or <c>COMPOSITE</c> (a multipart upload's checksum of its parts'
/// checksums, written <c>value-N</c>;
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html#ChecksumTypes).
/// </summary>
internal sealed record ObjectChecksum(string Algorithm, string Value, string Type = ObjectChecksum.FullObject)
{
    public const string FullObject = "FULL_OBJECT";
    public const string Composite = "COMPOSITE";
}
