using System.Security.Cryptography;

namespace Chalice.Local.S3.Checksums;

/// <summary>S3's SHA-1 and SHA-256 checksums, on the platform's incremental hash.</summary>
internal sealed class HashChecksum(HashAlgorithmName algorithm) : IChecksum
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(algorithm);

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public string GetBase64() => Convert.ToBase64String(_hash.GetHashAndReset());
}
