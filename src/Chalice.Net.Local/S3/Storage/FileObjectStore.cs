using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chalice.Local.S3.Checksums;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// Buckets and objects in a folder, surviving restarts:
/// <code>
/// {root}/.staging/{random}                 bodies being uploaded (same file system, so publishing is a rename)
/// {root}/{bucket}/bucket.json                        the bucket's creation date and versioning; the bucket exists while this file does
/// {root}/{bucket}/objects/{sha256(key)}              the current version of each key, see <see cref="ObjectFileFormat"/>
/// {root}/{bucket}/versions/{sha256(key)}/{sequence}  the noncurrent versions (and delete markers) of a versioned bucket
/// {root}/{bucket}/uploads/                           multipart uploads in progress, see <see cref="MultipartUploadStore"/>
/// </code>
/// Bucket names are validated before they reach the store, and object files are named by a hash of the key, so no
/// request can address a file outside the root. Every write is staged privately and published with one atomic
/// rename; concurrent writers of one key each publish a complete object and the last rename wins. A key's changes and
/// opens take that key's lock, so that in a versioned bucket, where publishing first moves the current version among
/// the noncurrent ones, no reader sees the key between the two renames.
/// </summary>
internal sealed partial class FileObjectStore
{
    private const string BucketFileName = "bucket.json";
    private const string ObjectsFolderName = "objects";
    private const int KeyLockCount = 64;

    // A staged file this old belongs to an upload that died with its process.
    private static readonly TimeSpan s_abandonedStagingAge = TimeSpan.FromHours(1);

    private readonly string _staging;
    private readonly Lock[] _keyLocks = [.. Enumerable.Range(0, KeyLockCount).Select(_ => new Lock())];
    private readonly Lock _bucketFileLock = new();
    private readonly ChangeSequencer _versionSequence = new();

    public FileObjectStore(string root)
    {
        Root = Path.GetFullPath(root);
        Uploads = new MultipartUploadStore(this);
        _staging = Path.Combine(Root, ".staging");
        Directory.CreateDirectory(_staging);
        RemoveAbandonedStagingFiles();
    }

    /// <summary>The full path of the data folder.</summary>
    public string Root { get; }

    /// <summary>The multipart uploads in progress in the buckets.</summary>
    public MultipartUploadStore Uploads { get; }

    public bool BucketExists(string bucket) => File.Exists(BucketFile(bucket));

    /// <summary>Creates a bucket; false when it already existed.</summary>
    public bool TryCreateBucket(string bucket)
    {
        Directory.CreateDirectory(ObjectsFolder(bucket));
        var temporary = NewStagingPath();
        var json = JsonSerializer.SerializeToUtf8Bytes(new StoredBucket(bucket, Now()), StorageJsonContext.Default.StoredBucket);
        File.WriteAllBytes(temporary, json);
        try
        {
            File.Move(temporary, BucketFile(bucket), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(BucketFile(bucket)))
        {
            File.Delete(temporary);
            return false;
        }
    }

    /// <summary>Every bucket, in name order.</summary>
    public IReadOnlyList<StoredBucket> ListBuckets()
    {
        var buckets = new List<StoredBucket>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var bucketFile = Path.Combine(folder, BucketFileName);
            if (TryReadAllBytes(bucketFile) is { } json
                && JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredBucket) is { } bucket)
                buckets.Add(bucket);
        }
        buckets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return buckets;
    }

    /// <summary>Deletes an empty bucket.</summary>
    public BucketDeletion DeleteBucket(string bucket)
    {
        if (!BucketExists(bucket))
            return BucketDeletion.NotFound;
        // Every version and delete marker counts, as in S3.
        if (Directory.EnumerateFiles(ObjectsFolder(bucket)).Any() || Directory.Exists(VersionsRoot(bucket))
            && Directory.EnumerateFiles(VersionsRoot(bucket), "*", SearchOption.AllDirectories).Any())
            return BucketDeletion.NotEmpty;
        File.Delete(BucketFile(bucket));
        Directory.Delete(BucketFolder(bucket), recursive: true);
        return BucketDeletion.Deleted;
    }

    /// <summary>Starts writing a new object body.</summary>
    public StagedObject Stage(ChecksumAlgorithm? checksumAlgorithm) => new(NewStagingPath(), checksumAlgorithm);

    /// <summary>
    /// Publishes a staged object under <paramref name="bucket"/> and <see cref="StoredObject.Key"/> as the key's current
    /// version, with a new version id when the bucket's versioning is enabled. Returns the metadata as stored, or null
    /// when the bucket no longer exists.
    /// </summary>
    public async Task<StoredObject?> TryCommitAsync(string bucket, StagedObject staged, StoredObject metadata, CancellationToken cancellationToken)
    {
        var versioning = GetVersioning(bucket);
        var version = metadata with
        {
            VersionId = versioning == StoredBucket.Enabled ? NewVersionId() : null,
            Sequence = _versionSequence.NextValue(),
        };
        await staged.SealAsync(version, cancellationToken);
        if (!BucketExists(bucket))
            return null;
        try
        {
            Publish(bucket, version.Key, staged.TemporaryPath, versioning);
            return version;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Opens the current version of an object (which may be a delete marker), or null when there is none.</summary>
    public OpenedObject? Open(string bucket, string key)
    {
        lock (KeyLock(bucket, key))
            return TryOpen(ObjectFile(bucket, key));
    }

    /// <summary>
    /// Deletes a key as DeleteObject without a version id does: in a bucket whose versioning was never set it removes
    /// the object (deleting a missing object is not an error, as in S3); otherwise it makes a delete marker the
    /// current version, keeping the object as a noncurrent version
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html).
    /// </summary>
    public async Task<ObjectRemoval> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var versioning = GetVersioning(bucket);
        var file = ObjectFile(bucket, key);
        try
        {
            if (versioning is null)
            {
                lock (KeyLock(bucket, key))
                {
                    if (!File.Exists(file))
                        return ObjectRemoval.Nothing();
                    File.Delete(file);
                    return new ObjectRemoval(Changed: true, VersionId: null, IsDeleteMarker: false, MadeDeleteMarker: false);
                }
            }
            var marker = new StoredObject(key, 0, "", Now(), null, ObjectProperties.DeleteMarker,
                versioning == StoredBucket.Enabled ? NewVersionId() : null, IsDeleteMarker: true, _versionSequence.NextValue());
            var temporary = NewStagingPath();
            await using (var markerFile = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
                await ObjectFileFormat.WriteMetadataAsync(markerFile, marker, cancellationToken);
            try
            {
                Publish(bucket, key, temporary, versioning);
            }
            finally
            {
                File.Delete(temporary); // nothing left after a publish
            }
            return new ObjectRemoval(Changed: true, marker.VersionId, IsDeleteMarker: true, MadeDeleteMarker: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The bucket went away meanwhile: the object is gone either way.
            return ObjectRemoval.Nothing();
        }
    }

    /// <summary>The metadata of every object in a bucket (the current versions that are not delete markers), in no particular order.</summary>
    public IEnumerable<StoredObject> EnumerateObjects(string bucket) =>
        EnumerateMetadata(ObjectsFolder(bucket)).Where(o => !o.IsDeleteMarker);

    private static IEnumerable<StoredObject> EnumerateMetadata(string folder)
    {
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder);
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        foreach (var path in files)
        {
            // A file deleted (or moved among the noncurrent versions) between the listing and the open is simply no longer there.
            if (ReadMetadata(path) is { } metadata)
                yield return metadata;
        }
    }

    private static StoredObject? ReadMetadata(string path)
    {
        using var file = TryOpenFile(path);
        return file is null ? null : ObjectFileFormat.ReadMetadata(file);
    }

    private StoredBucket? ReadBucket(string bucket) =>
        TryReadAllBytes(BucketFile(bucket)) is { } json ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredBucket) : null;

    private Lock KeyLock(string bucket, string key) =>
        _keyLocks[(int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(bucket), StringComparer.Ordinal.GetHashCode(key)) % KeyLockCount)];

    internal static OpenedObject? TryOpen(string path)
    {
        var file = TryOpenFile(path);
        if (file is null)
            return null;
        try
        {
            return new OpenedObject(ObjectFileFormat.ReadMetadata(file), file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    internal static FileStream? TryOpenFile(string path)
    {
        try
        {
            // FileShare.Delete lets a writer replace (or a client delete) the object while this handle reads it.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    internal static byte[]? TryReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void RemoveAbandonedStagingFiles()
    {
        var cutoff = DateTime.UtcNow - s_abandonedStagingAge;
        foreach (var file in new DirectoryInfo(_staging).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff)
                file.Delete();
        }
    }

    internal string NewStagingPath() => Path.Combine(_staging, Guid.NewGuid().ToString("N"));

    internal string BucketFolder(string bucket) => Path.Combine(Root, bucket);

    private string BucketFile(string bucket) => Path.Combine(Root, bucket, BucketFileName);

    private string ObjectsFolder(string bucket) => Path.Combine(Root, bucket, ObjectsFolderName);

    private string ObjectFile(string bucket, string key) => Path.Combine(ObjectsFolder(bucket), KeyFileName(key));

    private static string KeyFileName(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The time stamp S3 gives a new bucket or object: now, truncated to the second.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
