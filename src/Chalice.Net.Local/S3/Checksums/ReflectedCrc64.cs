using System.Buffers.Binary;

namespace Chalice.Local.S3.Checksums;

/// <summary>A table-driven CRC-64 in its reflected form, as used by S3's CRC64NVME checksum.</summary>
internal sealed class ReflectedCrc64(ulong[] table) : IChecksum
{
    private ulong _crc = ulong.MaxValue;

    /// <summary>The lookup table for a reflected polynomial.</summary>
    public static ulong[] CreateTable(ulong reflectedPolynomial)
    {
        var table = new ulong[256];
        for (ulong i = 0; i < (ulong)table.Length; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
                value = (value & 1) != 0 ? (value >> 1) ^ reflectedPolynomial : value >> 1;
            table[i] = value;
        }
        return table;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
            crc = table[(byte)(crc ^ b)] ^ (crc >> 8);
        _crc = crc;
    }

    public string GetBase64()
    {
        Span<byte> digest = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(digest, ~_crc);
        return Convert.ToBase64String(digest);
    }
}
