namespace Chalice.Local.S3.Storage;

/// <summary>An object's additional checksum: the algorithm's S3 name (<c>CRC32</c>, …) and the base64 value.</summary>
internal sealed record ObjectChecksum(string Algorithm, string Value);
