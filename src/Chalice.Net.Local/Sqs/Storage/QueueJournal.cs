using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using System.Threading.Channels;

namespace Chalice.Local.Sqs.Storage;

/// <summary>
/// A queue's append-only journal: <c>[length, 4 bytes LE][CRC-32 of the record, 4 bytes LE][record JSON]</c> per change.
/// One writer task owns the file. Records are written in the order they are appended; a durable append completes
/// only once its record (and every earlier one) is on disk (fsync), and all appends waiting at the same moment share
/// one fsync (group commit), so concurrent senders cost one disk flush, not one each. Other appends (receives,
/// deletes) are written without waiting: a crash can lose the last of those, which SQS's at-least-once delivery
/// allows (a message may come back), but never an acknowledged send. A torn record at the end (a crash mid-write)
/// fails its CRC and is cut off when the journal is next opened; <see cref="Rewrite"/> replaces the whole file
/// atomically (write beside, fsync, rename).
/// </summary>
internal sealed class QueueJournal : IAsyncDisposable
{
    private const int HeaderLength = 8;

    private readonly string _path;
    private readonly Channel<Entry> _entries = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private FileStream _file;
    private long _recordsInFile;

    private QueueJournal(string path, FileStream file, long records)
    {
        _path = path;
        _file = file;
        _recordsInFile = records;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The number of records in the file; a compaction resets it to the snapshot's size.</summary>
    public long RecordCount => Interlocked.Read(ref _recordsInFile);

    /// <summary>Opens (or creates) a journal and reads its records; a torn or corrupt tail is cut off.</summary>
    public static QueueJournal Open(string path, out List<JournalRecord> records)
    {
        records = [];
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        try
        {
            var validLength = Read(file, records);
            if (validLength < file.Length)
            {
                file.SetLength(validLength);
                file.Flush(flushToDisk: true);
            }
            file.Position = validLength;
            return new QueueJournal(path, file, records.Count);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends a record without waiting for it to reach the disk.</summary>
    public void Append(JournalRecord record) => Enqueue(new Entry(record, null, null));

    /// <summary>Appends a record; completes once it is on disk.</summary>
    public Task AppendDurableAsync(JournalRecord record)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry(record, null, done));
        return done.Task;
    }

    /// <summary>Replaces the journal with <paramref name="snapshot"/> once the records appended before it are written.</summary>
    public void Rewrite(IReadOnlyList<JournalRecord> snapshot) => Enqueue(new Entry(null, snapshot, null));

    /// <summary>Completes once everything appended so far is on disk.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry(null, null, done));
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _entries.Writer.TryComplete();
        await _writer;
        await _file.DisposeAsync();
    }

    private void Enqueue(Entry entry)
    {
        if (!_entries.Writer.TryWrite(entry))
            throw new ObjectDisposedException(nameof(QueueJournal), "The queue's journal is closed.");
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Entry>();
        var buffer = new MemoryStream();
        while (await _entries.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 4096 && _entries.Reader.TryRead(out var entry))
                batch.Add(entry);
            try
            {
                var mustSync = false;
                foreach (var entry in batch)
                {
                    if (entry.Record is { } record)
                    {
                        Encode(buffer, record);
                        Interlocked.Increment(ref _recordsInFile);
                    }
                    else if (entry.Snapshot is { } snapshot)
                    {
                        await WriteBufferAsync(buffer);
                        await ReplaceWithAsync(snapshot);
                    }
                    mustSync |= entry.Done is not null;
                }
                await WriteBufferAsync(buffer);
                if (mustSync)
                    _file.Flush(flushToDisk: true);
                foreach (var entry in batch)
                    entry.Done?.TrySetResult();
            }
            catch (Exception e)
            {
                // The disk failed (full, gone): nobody waiting may be told their record is safe.
                foreach (var entry in batch)
                    entry.Done?.TrySetException(e);
            }
        }
    }

    private async Task WriteBufferAsync(MemoryStream buffer)
    {
        if (buffer.Length == 0)
            return;
        await _file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    private async Task ReplaceWithAsync(IReadOnlyList<JournalRecord> snapshot)
    {
        var temporary = _path + ".compacting";
        var buffer = new MemoryStream();
        foreach (var record in snapshot)
            Encode(buffer, record);
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            await file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            file.Flush(flushToDisk: true);
        }
        await _file.DisposeAsync();
        File.Move(temporary, _path, overwrite: true);
        _file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        _file.Position = _file.Length;
        Interlocked.Exchange(ref _recordsInFile, snapshot.Count);
    }

    private static void Encode(MemoryStream buffer, JournalRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, SqsStorageJsonContext.Default.JournalRecord);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32LittleEndian(header, json.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(json));
        buffer.Write(header);
        buffer.Write(json);
    }

    /// <summary>Reads whole, intact records from the start; returns the length of the valid prefix.</summary>
    private static long Read(FileStream file, List<JournalRecord> records)
    {
        var header = new byte[HeaderLength];
        long valid = 0;
        file.Position = 0;
        while (true)
        {
            if (file.Read(header, 0, HeaderLength) < HeaderLength)
                return valid;
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length <= 0 || length > file.Length - file.Position)
                return valid;
            var json = new byte[length];
            file.ReadExactly(json);
            if (Crc32.HashToUInt32(json) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)))
                return valid;
            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(json, SqsStorageJsonContext.Default.JournalRecord);
            }
            catch (JsonException)
            {
                return valid;
            }
            if (record is null)
                return valid;
            records.Add(record);
            valid = file.Position;
        }
    }

    private sealed record Entry(JournalRecord? Record, IReadOnlyList<JournalRecord>? Snapshot, TaskCompletionSource? Done);
}
