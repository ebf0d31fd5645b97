using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// Multipart uploads in progress, beside the bucket's objects and surviving restarts like them:
/// <code>
/// {root}/{bucket}/uploads/{uploadId}/upload.json   the upload; it exists while this file does
/// {root}/{bucket}/uploads/{uploadId}/{00001}       one file per part, in the object file format (<see cref="ObjectFileFormat"/>)
/// </code>
/// Upload ids are hex, and an id from a request is checked to be one before it names a folder. A part is staged and
/// published with one rename, like an object, so a part uploaded again replaces the earlier one whole.
/// </summary>
internal sealed class MultipartUploadStore(FileObjectStore store)
{
    private const string UploadsFolderName = "uploads";
    private const string UploadFileName = "upload.json";
    private const int UploadIdBytes = 32;

    /// <summary>Starts an upload; null when the bucket no longer exists.</summary>
    public StoredUpload? TryCreate(string bucket, string key, ObjectProperties properties, UploadChecksum? checksum)
    {
        var upload = new StoredUpload(key, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UploadIdBytes)),
            FileObjectStore.Now(), properties, checksum);
        var folder = UploadFolder(bucket, upload.UploadId);
        if (!store.BucketExists(bucket))
            return null;
        Directory.CreateDirectory(folder);
        var temporary = store.NewStagingPath();
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(upload, StorageJsonContext.Default.StoredUpload));
        File.Move(temporary, Path.Combine(folder, UploadFileName));
        return upload;
    }

    /// <summary>The upload with this id, or null when there is none (never created, completed or aborted).</summary>
    public StoredUpload? Find(string bucket, string uploadId)
    {
        if (!IsWellFormed(uploadId))
            return null;
        var json = FileObjectStore.TryReadAllBytes(Path.Combine(UploadFolder(bucket, uploadId), UploadFileName));
        return json is null ? null : JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredUpload);
    }

    /// <summary>Every upload in progress in a bucket, in no particular order.</summary>
    public IEnumerable<StoredUpload> List(string bucket)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(UploadsFolder(bucket)).ToList();
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        foreach (var folder in folders)
        {
            if (Find(bucket, Path.GetFileName(folder)) is { } upload)
                yield return upload;
        }
    }

    /// <summary>Publishes a staged part, replacing an earlier upload of the same number; false when the upload is gone.</summary>
    public async Task<bool> TryCommitPartAsync(string bucket, StoredUpload upload, int partNumber, StagedObject staged,
        StoredObject metadata, CancellationToken cancellationToken)
    {
        await staged.SealAsync(metadata, cancellationToken);
        if (Find(bucket, upload.UploadId) is null)
            return false;
        try
        {
            File.Move(staged.TemporaryPath, PartFile(bucket, upload.UploadId, partNumber), overwrite: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The parts uploaded so far, by part number.</summary>
    public IReadOnlyList<StoredPart> ListParts(string bucket, string uploadId)
    {
        var parts = new List<StoredPart>();
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(UploadFolder(bucket, uploadId)).ToList();
        }
        catch (DirectoryNotFoundException)
        {
            return parts;
        }
        foreach (var path in files)
        {
            if (!int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber))
                continue; // upload.json
            using var file = FileObjectStore.TryOpenFile(path);
            if (file is null)
                continue;
            var metadata = ObjectFileFormat.ReadMetadata(file);
            parts.Add(new StoredPart(partNumber, metadata.Size, metadata.ETag, metadata.LastModified, metadata.Checksum));
        }
        parts.Sort((a, b) => a.PartNumber.CompareTo(b.PartNumber));
        return parts;
    }

    /// <summary>Opens a part for reading, or null when that part was not uploaded.</summary>
    public OpenedObject? OpenPart(string bucket, string uploadId, int partNumber) =>
        FileObjectStore.TryOpen(PartFile(bucket, uploadId, partNumber));

    /// <summary>
    /// Ends an upload (completed or aborted) and deletes its parts. The upload file goes first, so the upload stops
    /// existing at once even if the parts' deletion is interrupted. False when there was no such upload.
    /// </summary>
    public bool Remove(string bucket, string uploadId)
    {
        if (!IsWellFormed(uploadId))
            return false;
        var folder = UploadFolder(bucket, uploadId);
        try
        {
            var uploadFile = Path.Combine(folder, UploadFileName);
            if (!File.Exists(uploadFile))
                return false;
            File.Delete(uploadFile);
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static bool IsWellFormed(string uploadId) =>
        uploadId.Length == UploadIdBytes * 2 && uploadId.All(char.IsAsciiHexDigitLower);

    private string UploadsFolder(string bucket) => Path.Combine(store.BucketFolder(bucket), UploadsFolderName);

    private string UploadFolder(string bucket, string uploadId) => Path.Combine(UploadsFolder(bucket), uploadId);

    private string PartFile(string bucket, string uploadId, int partNumber) =>
        Path.Combine(UploadFolder(bucket, uploadId), partNumber.ToString("D5", CultureInfo.InvariantCulture));
}
