using System.Numerics;

namespace Chalice.Local.S3.Checksums;

/// <summary>
/// A table-driven CRC in its reflected form, 32 or 64 bits wide by <typeparamref name="T"/>: S3's CRC32 and CRC32C
/// (<see cref="uint"/>) and CRC64NVME (<see cref="ulong"/>).
/// </summary>
internal sealed class ReflectedCrc<T>(T[] table) : IChecksum where T : IBinaryInteger<T>, IUnsignedNumber<T>
{
    private T _crc = T.AllBitsSet;

    /// <summary>The lookup table for a reflected polynomial.</summary>
    public static T[] CreateTable(T reflectedPolynomial)
    {
        var table = new T[256];
        for (var i = 0; i < table.Length; i++)
        {
            var value = T.CreateTruncating(i);
            for (var bit = 0; bit < 8; bit++)
                value = T.IsOddInteger(value) ? (value >>> 1) ^ reflectedPolynomial : value >>> 1;
            table[i] = value;
        }
        return table;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
            crc = table[byte.CreateTruncating(crc) ^ b] ^ (crc >>> 8);
        _crc = crc;
    }

    public string GetBase64()
    {
        var crc = ~_crc;
        Span<byte> digest = stackalloc byte[crc.GetByteCount()];
        crc.WriteBigEndian(digest);
        return Convert.ToBase64String(digest);
    }
}
