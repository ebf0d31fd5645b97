using System.Security.Cryptography;
using Chalice.Local.S3.Checksums;

namespace Chalice.Local.S3.Storage;

/// <summary>
/// An object being written: the body goes to a private temporary file while its MD5 (the ETag) and the requested
/// additional checksum are computed. Nothing is visible to readers until <see cref="FileObjectStore.TryCommitAsync"/>
/// renames the file into place; disposing an uncommitted object deletes the temporary file.
/// </summary>
internal sealed class StagedObject : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IChecksum? _checksum;
    private bool _finished;

    internal StagedObject(string path, ChecksumAlgorithm? checksumAlgorithm)
    {
        TemporaryPath = path;
        ChecksumAlgorithm = checksumAlgorithm;
        _checksum = checksumAlgorithm?.Create();
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920,
            FileOptions.Asynchronous);
    }

    internal string TemporaryPath { get; }

    /// <summary>The additional checksum computed alongside the ETag, if one was asked for.</summary>
    public ChecksumAlgorithm? ChecksumAlgorithm { get; }

    /// <summary>The number of body bytes written so far.</summary>
    public long Size { get; private set; }

    /// <summary>Appends body bytes.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _md5.AppendData(data.Span);
        _checksum?.Append(data.Span);
        Size += data.Length;
        await _file.WriteAsync(data, cancellationToken);
    }

    /// <summary>Appends everything <paramref name="source"/> yields.</summary>
    public async Task AppendAllAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            await AppendAsync(buffer.AsMemory(0, read), cancellationToken);
    }

    /// <summary>Ends the body and returns its ETag and checksum; call once, after the last append.</summary>
    public (string ETag, ObjectChecksum? Checksum) FinishBody()
    {
        _finished = true;
        var etag = '"' + Convert.ToHexStringLower(_md5.GetHashAndReset()) + '"';
        var checksum = ChecksumAlgorithm is { } algorithm ? new ObjectChecksum(algorithm.Name, _checksum!.GetBase64()) : null;
        return (etag, checksum);
    }

    internal async ValueTask SealAsync(StoredObject metadata, CancellationToken cancellationToken)
    {
        if (!_finished)
            throw new InvalidOperationException("FinishBody must be called before the object is committed.");
        await ObjectFileFormat.WriteMetadataAsync(_file, metadata, cancellationToken);
        await _file.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _md5.Dispose();
        // After a commit the file has been renamed away and this deletes nothing.
        File.Delete(TemporaryPath);
    }
}
