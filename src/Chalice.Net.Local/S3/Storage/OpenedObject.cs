namespace Chalice.Local.S3.Storage;

/// <summary>
/// An object opened for reading. The open handle pins the version that was current when it was opened, so a
/// concurrent overwrite or delete cannot change the bytes being read.
/// </summary>
internal sealed class OpenedObject(StoredObject metadata, FileStream file) : IAsyncDisposable, IDisposable
{
    public StoredObject Metadata { get; } = metadata;

    /// <summary>Hands <paramref name="count"/> body bytes starting at <paramref name="offset"/> to <paramref name="write"/>, in order.</summary>
    public async Task CopyBodyAsync(Func<ReadOnlyMemory<byte>, ValueTask> write, long offset, long count, CancellationToken cancellationToken)
    {
        file.Position = offset;
        var buffer = new byte[(int)Math.Min(81920, Math.Max(count, 1))];
        while (count > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
                throw new InvalidDataException($"'{file.Name}' ended before its body did.");
            await write(buffer.AsMemory(0, read));
            count -= read;
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();

    public void Dispose() => file.Dispose();
}
