namespace Chalice.Local.S3.Checksums;

/// <summary>An incremental checksum over an object's bytes.</summary>
internal interface IChecksum
{
    void Append(ReadOnlySpan<byte> data);

    /// <summary>The checksum in S3's wire form: the big-endian digest, base64-encoded.</summary>
    string GetBase64();
}
