using System.Security.Cryptography;

namespace Chalice.Local.S3.Checksums;

/// <summary>One of S3's additional checksum algorithms (<c>x-amz-checksum-*</c>).</summary>
internal sealed class ChecksumAlgorithm
{
    private static readonly uint[] s_crc32Table = ReflectedCrc<uint>.CreateTable(0xEDB88320);
    private static readonly uint[] s_crc32cTable = ReflectedCrc<uint>.CreateTable(0x82F63B78);
    private static readonly ulong[] s_crc64NvmeTable = ReflectedCrc<ulong>.CreateTable(0x9A6C9329AC4BC9B5);

    public static readonly ChecksumAlgorithm Crc32 = new("CRC32", () => new ReflectedCrc<uint>(s_crc32Table));
    public static readonly ChecksumAlgorithm Crc32C = new("CRC32C", () => new ReflectedCrc<uint>(s_crc32cTable));
    public static readonly ChecksumAlgorithm Crc64Nvme = new("CRC64NVME", () => new ReflectedCrc<ulong>(s_crc64NvmeTable));
    public static readonly ChecksumAlgorithm Sha1 = new("SHA1", () => new HashChecksum(HashAlgorithmName.SHA1));
    public static readonly ChecksumAlgorithm Sha256 = new("SHA256", () => new HashChecksum(HashAlgorithmName.SHA256));

    /// <summary>Every algorithm S3 accepts.</summary>
    public static IReadOnlyList<ChecksumAlgorithm> All { get; } = [Crc32, Crc32C, Crc64Nvme, Sha1, Sha256];

    private readonly Func<IChecksum> _create;

    private ChecksumAlgorithm(string name, Func<IChecksum> create)
    {
        Name = name;
        HeaderName = "x-amz-checksum-" + name.ToLowerInvariant();
        _create = create;
    }

    /// <summary>S3's name, as in <c>x-amz-sdk-checksum-algorithm</c> and <c>ChecksumAlgorithm</c> elements.</summary>
    public string Name { get; }

    /// <summary>The header (or trailer) that carries this checksum, e.g. <c>x-amz-checksum-crc32</c>.</summary>
    public string HeaderName { get; }

    public IChecksum Create() => _create();

    public static ChecksumAlgorithm? FromName(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ChecksumAlgorithm? FromHeaderName(string headerName) =>
        All.FirstOrDefault(a => string.Equals(a.HeaderName, headerName, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
