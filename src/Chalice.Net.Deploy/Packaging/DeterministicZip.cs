using System.IO.Compression;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// Writes zips whose bytes depend only on the files' names, contents and modes: entries sorted by name, one fixed
/// timestamp, Unix permissions in the external attributes. An unchanged app therefore keeps its CodeSha256, and a
/// redeploy can tell that nothing changed.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>The timestamp every entry carries (the earliest a zip can express).</summary>
    public static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int RegularFile = 0x8000;

    /// <summary>Writes <paramref name="files"/> (name in the zip → file on disk) to <paramref name="zipPath"/>.</summary>
    /// <param name="executables">Names in the zip that get mode 0755; the others get 0644.</param>
    public static void Write(string zipPath, IReadOnlyDictionary<string, string> files, ISet<string> executables)
    {
        var temporary = zipPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var name in files.Keys.Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = Timestamp;
                var mode = executables.Contains(name) ? 0b111_101_101 : 0b110_100_100;
                entry.ExternalAttributes = (RegularFile | mode) << 16;
                using var source = File.OpenRead(files[name]);
                using var target = entry.Open();
                source.CopyTo(target);
            }
        }
        File.Move(temporary, zipPath, overwrite: true);
    }
}
