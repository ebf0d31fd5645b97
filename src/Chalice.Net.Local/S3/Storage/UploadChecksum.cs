namespace Chalice.Local.S3.Storage;

/// <summary>The additional checksum a multipart upload asked for: an algorithm's S3 name and <c>FULL_OBJECT</c> or <c>COMPOSITE</c>.</summary>
internal sealed record UploadChecksum(string Algorithm, string Type);
