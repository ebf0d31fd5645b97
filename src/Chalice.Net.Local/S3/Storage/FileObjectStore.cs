using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chalice.Local.S3.Checksums;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// Buckets and objects in a folder, surviving restarts:
/// <code>
/// {root}/.staging/{random}                 bodies being uploaded (same file system, so publishing is a rename)
/// {root}/{bucket}/bucket.json              the bucket's creation date; the bucket exists while this file does
/// {root}/{bucket}/objects/{sha256(key)}    one file per object, see <see cref="ObjectFileFormat"/>
/// {root}/{bucket}/uploads/                 multipart uploads in progress, see <see cref="MultipartUploadStore"/>
/// </code>
/// Bucket names are validated before they reach the store, and object files are named by a hash of the key, so no
/// request can address a file outside the root. Every write is staged privately and published with one atomic
/// rename; concurrent writers of one key each publish a complete object and the last rename wins.
/// </summary>
internal sealed class FileObjectStore
{
    private const string BucketFileName = "bucket.json";
    private const string ObjectsFolderName = "objects";

    // A staged file this old belongs to an upload that died with its process.
    private static readonly TimeSpan s_abandonedStagingAge = TimeSpan.FromHours(1);

    private readonly string _staging;

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
        if (Directory.EnumerateFiles(ObjectsFolder(bucket)).Any())
            return BucketDeletion.NotEmpty;
        File.Delete(BucketFile(bucket));
        Directory.Delete(BucketFolder(bucket), recursive: true);
        return BucketDeletion.Deleted;
    }

    /// <summary>Starts writing a new object body.</summary>
    public StagedObject Stage(ChecksumAlgorithm? checksumAlgorithm) => new(NewStagingPath(), checksumAlgorithm);

    /// <summary>
    /// Publishes a staged object under <paramref name="bucket"/> and <see cref="StoredObject.Key"/>, replacing any
    /// current version atomically. False when the bucket no longer exists.
    /// </summary>
    public async Task<bool> TryCommitAsync(string bucket, StagedObject staged, StoredObject metadata, CancellationToken cancellationToken)
    {
        await staged.SealAsync(metadata, cancellationToken);
        if (!BucketExists(bucket))
            return false;
        try
        {
            File.Move(staged.TemporaryPath, ObjectFile(bucket, metadata.Key), overwrite: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Opens the current version of an object, or null when there is none.</summary>
    public OpenedObject? Open(string bucket, string key) => TryOpen(ObjectFile(bucket, key));

    /// <summary>Deletes an object; deleting a missing object is not an error, as in S3. True when there was one to delete.</summary>
    public bool DeleteObject(string bucket, string key)
    {
        var file = ObjectFile(bucket, key);
        try
        {
            if (!File.Exists(file))
                return false;
            File.Delete(file);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            // The bucket went away meanwhile: the object is gone either way.
            return false;
        }
    }

    /// <summary>The metadata of every object in a bucket, in no particular order.</summary>
    public IEnumerable<StoredObject> EnumerateObjects(string bucket)
    {
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(ObjectsFolder(bucket));
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        foreach (var path in files)
        {
            // A file deleted between the listing and the open is simply no longer there.
            using var file = TryOpenFile(path);
            if (file is not null)
                yield return ObjectFileFormat.ReadMetadata(file);
        }
    }

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

    private string ObjectFile(string bucket, string key) =>
        Path.Combine(ObjectsFolder(bucket), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    /// <summary>The time stamp S3 gives a new bucket or object: now, truncated to the second.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
