using System.Buffers.Binary;
using System.Text.Json;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// One object is one file: <c>[body][metadata JSON][JSON length, 4 bytes little-endian]["CS3O"]</c>. Keeping the
/// metadata in the same file as the body means one rename publishes both, so a reader can never see the body of one
/// write with the metadata of another. The metadata goes last so the body can be streamed to disk while its hashes
/// are computed, with no second pass.
/// </summary>
internal static class ObjectFileFormat
{
    private const int FooterLength = 8;
    private static ReadOnlySpan<byte> Magic => "CS3O"u8;

    /// <summary>Appends the metadata and footer after a body already written to <paramref name="file"/>.</summary>
    public static async ValueTask WriteMetadataAsync(Stream file, StoredObject metadata, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(metadata, StorageJsonContext.Default.StoredObject);
        var footer = new byte[FooterLength];
        BinaryPrimitives.WriteInt32LittleEndian(footer, json.Length);
        Magic.CopyTo(footer.AsSpan(4));
        await file.WriteAsync(json, cancellationToken);
        await file.WriteAsync(footer, cancellationToken);
    }

    /// <summary>Reads the metadata of an object file; the body is the file's first <see cref="StoredObject.Size"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The file is not an object file written by this format.</exception>
    public static StoredObject ReadMetadata(FileStream file)
    {
        var length = file.Length;
        if (length < FooterLength)
            throw Corrupt(file, "too short");
        Span<byte> footer = stackalloc byte[FooterLength];
        file.Position = length - FooterLength;
        file.ReadExactly(footer);
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(footer);
        if (!footer[4..].SequenceEqual(Magic) || jsonLength <= 0 || jsonLength > length - FooterLength)
            throw Corrupt(file, "no metadata footer");

        var json = new byte[jsonLength];
        file.Position = length - FooterLength - jsonLength;
        file.ReadExactly(json);
        var metadata = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredObject)
            ?? throw Corrupt(file, "empty metadata");
        if (metadata.Size != length - FooterLength - jsonLength)
            throw Corrupt(file, "the body length does not match the metadata");
        return metadata;
    }

    private static InvalidDataException Corrupt(FileStream file, string reason) =>
        new($"'{file.Name}' is not a valid stored object ({reason}).");
}
