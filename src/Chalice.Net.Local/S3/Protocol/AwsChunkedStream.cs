using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Chalice.Local.S3.Protocol;

/// <summary>
/// Reads the payload out of a body sent with <c>Content-Encoding: aws-chunked</c>: chunks of
/// <c>hex-size[;chunk-signature=…]\r\n data \r\n</c>, a zero-size chunk, then optional trailer lines such as
/// <c>x-amz-checksum-crc32:…</c> and an empty line. Chunk and trailer signatures are skipped, not verified: the stand-in
/// accepts any credentials. Async only, like the request body it wraps.
/// </summary>
internal sealed class AwsChunkedStream(PipeReader source) : Stream
{
    // A chunk header is a hex size plus a 64-hex-digit signature; trailers are short. Anything longer is not aws-chunked.
    private const int MaxLineLength = 4096;

    private readonly Dictionary<string, string> _trailers = new(StringComparer.OrdinalIgnoreCase);
    private State _state = State.ChunkHeader;
    private long _remainingInChunk;

    private enum State { ChunkHeader, ChunkData, ChunkEnd, Trailers, Done }

    /// <summary>The trailing headers, complete once the stream has been read to its end.</summary>
    public IReadOnlyDictionary<string, string> Trailers => _trailers;

    /// <summary>The number of payload bytes decoded so far.</summary>
    public long DecodedLength { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return 0;
                case State.ChunkHeader:
                    _remainingInChunk = ParseChunkSize(await ReadLineAsync(cancellationToken));
                    _state = _remainingInChunk == 0 ? State.Trailers : State.ChunkData;
                    break;
                case State.ChunkEnd:
                    if ((await ReadLineAsync(cancellationToken)).Length != 0)
                        throw Malformed("a chunk is longer than its declared size");
                    _state = State.ChunkHeader;
                    break;
                case State.Trailers:
                    var line = await ReadLineAsync(cancellationToken);
                    if (line.Length == 0)
                        _state = State.Done;
                    else
                        AddTrailer(line);
                    break;
                case State.ChunkData:
                    return await ReadChunkDataAsync(buffer, cancellationToken);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private async ValueTask<int> ReadChunkDataAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var result = await source.ReadAsync(cancellationToken);
        var available = result.Buffer;
        if (available.IsEmpty && result.IsCompleted)
            throw S3ErrorException.IncompleteBody("The request body ended inside an aws-chunked chunk.");
        var count = (int)Math.Min(Math.Min(available.Length, _remainingInChunk), destination.Length);
        available.Slice(0, count).CopyTo(destination.Span);
        source.AdvanceTo(available.GetPosition(count));
        _remainingInChunk -= count;
        DecodedLength += count;
        if (_remainingInChunk == 0)
            _state = State.ChunkEnd;
        return count;
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await source.ReadAsync(cancellationToken);
            var reader = new SequenceReader<byte>(result.Buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                // Decode before advancing: advancing hands the buffer back to the pipe.
                var text = Encoding.ASCII.GetString(line);
                source.AdvanceTo(reader.Position);
                return text.EndsWith('\r') ? text[..^1] : text;
            }
            if (result.Buffer.Length > MaxLineLength)
                throw Malformed("a chunk header or trailer line is too long");
            if (result.IsCompleted)
                throw S3ErrorException.IncompleteBody("The request body ended before the aws-chunked encoding was complete.");
            source.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static long ParseChunkSize(string header)
    {
        var sizeText = header.Split(';', 2)[0].Trim();
        if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            throw Malformed($"'{header}' is not a chunk header");
        return size;
    }

    private void AddTrailer(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            throw Malformed($"'{line}' is not a trailer line");
        _trailers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
    }

    private static S3ErrorException Malformed(string reason) =>
        S3ErrorException.InvalidRequest($"The aws-chunked request body is malformed: {reason}.");

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The aws-chunked body can only be read asynchronously.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
