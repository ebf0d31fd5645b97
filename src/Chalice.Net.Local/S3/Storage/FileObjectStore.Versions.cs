using System.Security.Cryptography;
using System.Text.Json;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// The store's versioning (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html): a bucket's state,
/// the noncurrent versions kept under <c>versions/</c>, and reading, deleting and listing versions by id.
/// </summary>
internal sealed partial class FileObjectStore
{
    private const string VersionsFolderName = "versions";

    /// <summary>The bucket's versioning: <c>Enabled</c>, <c>Suspended</c>, or null when it was never set (or there is no bucket).</summary>
    public string? GetVersioning(string bucket) => ReadBucket(bucket)?.Versioning;

    /// <summary>Sets the bucket's versioning to <c>Enabled</c> or <c>Suspended</c>; false when there is no bucket.</summary>
    public bool TrySetVersioning(string bucket, string status)
    {
        lock (_bucketFileLock)
        {
            if (ReadBucket(bucket) is not { } stored)
                return false;
            var temporary = NewStagingPath();
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(stored with { Versioning = status }, StorageJsonContext.Default.StoredBucket));
            File.Move(temporary, BucketFile(bucket), overwrite: true);
            return true;
        }
    }

    /// <summary>Opens one version of an object (<c>null</c> names the null version), or null when there is no such version.</summary>
    public OpenedObject? OpenVersion(string bucket, string key, string versionId)
    {
        lock (KeyLock(bucket, key))
        {
            if (TryOpen(ObjectFile(bucket, key)) is { } current)
            {
                if (current.Metadata.VersionIdText == versionId)
                    return current;
                current.Dispose();
            }
            foreach (var path in NoncurrentFiles(bucket, key))
            {
                if (TryOpen(path) is not { } noncurrent)
                    continue;
                if (noncurrent.Metadata.VersionIdText == versionId)
                    return noncurrent;
                noncurrent.Dispose();
            }
            return null;
        }
    }

    /// <summary>
    /// Deletes one version for good (<c>null</c> names the null version). When it was the current version, the newest
    /// noncurrent one becomes current again.
    /// </summary>
    public ObjectRemoval DeleteVersion(string bucket, string key, string versionId)
    {
        var file = ObjectFile(bucket, key);
        lock (KeyLock(bucket, key))
        {
            try
            {
                if (ReadMetadata(file) is { } current && current.VersionIdText == versionId)
                {
                    File.Delete(file);
                    if (NoncurrentFiles(bucket, key).LastOrDefault() is { } newest)
                        File.Move(newest, file);
                    return new ObjectRemoval(Changed: true, versionId, current.IsDeleteMarker, MadeDeleteMarker: false);
                }
                foreach (var path in NoncurrentFiles(bucket, key))
                {
                    if (ReadMetadata(path) is { } noncurrent && noncurrent.VersionIdText == versionId)
                    {
                        File.Delete(path);
                        return new ObjectRemoval(Changed: true, versionId, noncurrent.IsDeleteMarker, MadeDeleteMarker: false);
                    }
                }
            }
            catch (DirectoryNotFoundException)
            {
                // The bucket went away meanwhile: there is no such version any more.
            }
            return ObjectRemoval.Nothing(versionId);
        }
    }

    /// <summary>Every version and delete marker in a bucket, each with whether it is its key's current one, in no particular order.</summary>
    public IEnumerable<(StoredObject Version, bool IsLatest)> EnumerateVersions(string bucket)
    {
        foreach (var current in EnumerateMetadata(ObjectsFolder(bucket)))
            yield return (current, true);
        IEnumerable<string> keyFolders;
        try
        {
            keyFolders = Directory.EnumerateDirectories(VersionsRoot(bucket)).ToList();
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        foreach (var folder in keyFolders)
        {
            foreach (var noncurrent in EnumerateMetadata(folder))
                yield return (noncurrent, false);
        }
    }

    /// <summary>
    /// Makes the file at <paramref name="file"/> the key's current version. In a bucket with versioning set, the
    /// current version first joins the noncurrent ones, except the null version a suspended bucket's write replaces;
    /// and since a key has at most one null version, a suspended bucket's write also removes a noncurrent one
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html).
    /// </summary>
    private void Publish(string bucket, string key, string file, string? versioning)
    {
        var current = ObjectFile(bucket, key);
        lock (KeyLock(bucket, key))
        {
            if (versioning is not null)
            {
                var suspended = versioning == StoredBucket.Suspended;
                if (ReadMetadata(current) is { } retired && !(suspended && retired.VersionId is null))
                {
                    Directory.CreateDirectory(VersionsFolder(bucket, key));
                    File.Move(current, NoncurrentFile(bucket, key, retired.Sequence), overwrite: true);
                }
                if (suspended)
                {
                    foreach (var path in NoncurrentFiles(bucket, key).Where(p => ReadMetadata(p)?.VersionId is null))
                        File.Delete(path);
                }
            }
            File.Move(file, current, overwrite: true);
        }
    }

    /// <summary>A key's noncurrent versions, oldest first.</summary>
    private List<string> NoncurrentFiles(string bucket, string key)
    {
        try
        {
            var files = Directory.EnumerateFiles(VersionsFolder(bucket, key)).ToList();
            files.Sort(StringComparer.Ordinal); // fixed-width hex sequences
            return files;
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>A new version id: 32 URL-safe characters, like S3's.</summary>
    private static string NewVersionId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private string VersionsRoot(string bucket) => Path.Combine(Root, bucket, VersionsFolderName);

    private string VersionsFolder(string bucket, string key) => Path.Combine(VersionsRoot(bucket), KeyFileName(key));

    private string NoncurrentFile(string bucket, string key, long sequence) =>
        Path.Combine(VersionsFolder(bucket, key), sequence.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
}
