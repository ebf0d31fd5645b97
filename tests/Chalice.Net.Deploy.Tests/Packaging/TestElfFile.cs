using System.Buffers.Binary;
using System.Text;

namespace Chalice.Deploy.Tests.Packaging;

/// <summary>
/// Writes the smallest 64-bit little-endian ELF file that has a given machine and given sections: the header, a
/// section name table and the section header table (System V ABI:
/// https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html and ch4.sheader.html).
/// </summary>
internal static class TestElfFile
{
    public static void Write(string path, ushort machine, params string[] sectionNames)
    {
        // Section 0 is the null section; the name table is the last one.
        string[] names = ["", .. sectionNames, ".shstrtab"];
        var nameTable = new MemoryStream();
        var nameOffsets = new List<uint>();
        foreach (var name in names)
        {
            nameOffsets.Add((uint)nameTable.Length);
            nameTable.Write(Encoding.ASCII.GetBytes(name + "\0"));
        }
        const int HeaderSize = 64, SectionHeaderSize = 64;
        var tableOffset = HeaderSize + (int)nameTable.Length;
        var file = new byte[tableOffset + names.Length * SectionHeaderSize];

        "\u007FELF"u8.CopyTo(file);
        file[4] = 2; // ELFCLASS64
        file[5] = 1; // ELFDATA2LSB
        file[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(16), 3); // ET_DYN, as the SDK's executables are
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(40), (ulong)tableOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(52), HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(58), SectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(60), (ushort)names.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(62), (ushort)(names.Length - 1));
        nameTable.ToArray().CopyTo(file, HeaderSize);

        for (var i = 1; i < names.Length; i++)
        {
            var entry = file.AsSpan(tableOffset + i * SectionHeaderSize, SectionHeaderSize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, nameOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], i == names.Length - 1 ? 3u : 1u); // SHT_STRTAB : SHT_PROGBITS
            if (i == names.Length - 1)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], HeaderSize);
                BinaryPrimitives.WriteUInt64LittleEndian(entry[32..], (ulong)nameTable.Length);
            }
        }
        File.WriteAllBytes(path, file);
    }
}
