using System.Buffers.Binary;
using System.Text;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// What the packager reads of a Linux executable: the machine it is built for and the names of its sections. Only the
/// ELF header and the section header table are read (System V ABI, "ELF Header" and "Sections":
/// https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html), for the 64-bit little-endian files Lambda's
/// x86_64 and arm64 run.
/// </summary>
/// <param name="Machine">The header's <c>e_machine</c>.</param>
/// <param name="SectionNames">The names in the section header table (empty when the file has none).</param>
internal sealed record ElfImage(ushort Machine, IReadOnlySet<string> SectionNames)
{
    /// <summary><c>EM_X86_64</c>.</summary>
    public const ushort X86_64 = 62;

    /// <summary><c>EM_AARCH64</c>.</summary>
    public const ushort Aarch64 = 183;

    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    /// <summary>Reads <paramref name="path"/>; null when it is not a 64-bit little-endian ELF file.</summary>
    public static ElfImage? Read(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (file.Length < HeaderSize)
            return null;
        file.ReadExactly(header);
        const byte Class64 = 2, LittleEndian = 1;
        if (!header[..4].SequenceEqual("\u007FELF"u8) || header[4] != Class64 || header[5] != LittleEndian)
            return null;

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
        var tableOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[40..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[58..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header[60..]);
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(header[62..]);
        if (count == 0 || entrySize < SectionHeaderSize || namesIndex >= count || tableOffset + (ulong)count * entrySize > (ulong)file.Length)
            return new ElfImage(machine, new HashSet<string>());

        var table = ReadAt(file, tableOffset, count * entrySize);
        var namesHeader = table.AsSpan(namesIndex * entrySize, SectionHeaderSize);
        var namesOffset = BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[24..]);
        var namesSize = BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[32..]);
        if (namesOffset + namesSize > (ulong)file.Length || namesSize > int.MaxValue)
            return new ElfImage(machine, new HashSet<string>());
        var names = ReadAt(file, namesOffset, (int)namesSize);

        var sectionNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(i * entrySize));
            if (nameOffset >= names.Length)
                continue;
            var name = names.AsSpan((int)nameOffset);
            var end = name.IndexOf((byte)0);
            sectionNames.Add(Encoding.ASCII.GetString(end < 0 ? name : name[..end]));
        }
        return new ElfImage(machine, sectionNames);
    }

    private static byte[] ReadAt(FileStream file, ulong offset, int length)
    {
        var bytes = new byte[length];
        file.Position = (long)offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
