using System.Buffers.Binary;

namespace Chalice.Local.S3.Checksums;

/// <summary>A table-driven CRC-32 in its reflected form, as used by S3's CRC32 and CRC32C checksums.</summary>
internal sealed class ReflectedCrc32(uint[] table) : IChecksum
{
    private uint _crc = uint.MaxValue;

    /// <summary>The lookup table for a reflected polynomial.</summary>
    public static uint[] CreateTable(uint reflectedPolynomial)
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
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
        Span<byte> digest = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(digest, ~_crc);
        return Convert.ToBase64String(digest);
    }
}
