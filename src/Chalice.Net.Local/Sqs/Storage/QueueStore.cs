using System.Text.Json;

namespace Chalice.Local.Sqs.Storage;

/// <summary>
/// The queues' folder:
/// <code>
/// {root}/{queue}/queue.json         the queue's attributes and tags; the queue exists while this file does
/// {root}/{queue}/messages.journal   its messages, see <see cref="QueueJournal"/>
/// </code>
/// Queue names are validated before they reach the store (letters, digits, <c>-</c>, <c>_</c>, <c>.fifo</c>), so no
/// request can address a path outside the root. <c>queue.json</c> is replaced atomically (write beside, fsync, rename).
/// </summary>
internal sealed class QueueStore(string root)
{
    private const string SettingsFileName = "queue.json";
    private const string JournalFileName = "messages.journal";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Every stored queue's settings; folders without settings (a creation that died) are removed.</summary>
    public IEnumerable<StoredQueue> Load()
    {
        Directory.CreateDirectory(Root);
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var settingsFile = Path.Combine(folder, SettingsFileName);
            if (!File.Exists(settingsFile))
            {
                Directory.Delete(folder, recursive: true);
                continue;
            }
            var settings = JsonSerializer.Deserialize(File.ReadAllBytes(settingsFile), SqsStorageJsonContext.Default.StoredQueue)
                ?? throw new InvalidDataException($"'{settingsFile}' holds no queue settings.");
            yield return settings;
        }
    }

    public string JournalPath(string queue) => Path.Combine(Root, queue, JournalFileName);

    /// <summary>Writes a queue's settings, creating its folder when new.</summary>
    public void Save(StoredQueue settings)
    {
        var folder = Path.Combine(Root, settings.Name);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, SettingsFileName + ".writing");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, settings, SqsStorageJsonContext.Default.StoredQueue);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(folder, SettingsFileName), overwrite: true);
    }

    /// <summary>Deletes a queue's folder; its settings go first, so a crash midway leaves no half-queue behind.</summary>
    public void Delete(string queue)
    {
        var folder = Path.Combine(Root, queue);
        File.Delete(Path.Combine(folder, SettingsFileName));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
