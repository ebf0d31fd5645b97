using System.Globalization;
using System.Text;

namespace Chalice.Lambda;

/// <summary>
/// Reads HTTP/1.1 responses (RFC 9112) from one connection to the Lambda Runtime API, strictly and within fixed
/// bounds: a status line, header fields, then a body framed by Content-Length, by the chunked transfer coding (what
/// Kestrel, under the local Runtime API, sends when no length is set), or by the connection closing. Anything else,
/// or a peer that closes before the message ends, is an <see cref="HttpRequestException"/> that says what was wrong.
/// </summary>
internal sealed class Http11ResponseReader(Stream stream)
{
    /// <summary>
    /// The status lines and header fields of one response (interim 1xx responses included), and separately its
    /// trailer fields: the same 64 KiB as SocketsHttpHandler's default MaxResponseHeadersLength.
    /// </summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>A chunk-size line with its extensions; Kestrel and Go's net/http send a few hex digits and none.</summary>
    public const int MaxChunkSizeLineBytes = 4 * 1024;

    /// <summary>
    /// Lambda's largest invocation payload is 6 MB, for synchronous invocations
    /// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): a body over five times that comes
    /// from a broken peer, and is refused before it is buffered.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    // Lines (status, fields, chunk sizes) are parsed in place here, so it holds the largest one; body bytes are read
    // straight into the body's array once what arrived with the header is copied.
    private readonly byte[] _buffer = new byte[MaxHeaderBytes];
    private int _start;
    private int _end;

    /// <summary>Bytes that arrived after the last response: the peer is not where HTTP/1.1 says it is.</summary>
    public bool HasUnreadBytes => _start < _end;

    /// <summary>
    /// Reads the response to <paramref name="request"/> (named in errors, e.g. <c>GET /2018-06-01/runtime/invocation/next</c>)
    /// and whether the connection may carry another request.
    /// </summary>
    public async Task<(RuntimeApiResponse Response, bool KeepAlive)> ReadAsync(string request, CancellationToken cancellationToken)
    {
        if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            throw Ended(request, "without answering");
        var headerBudget = MaxHeaderBytes;
        while (true)
        {
            var lineLength = await BufferLineAsync(headerBudget, MaxHeaderBytes, request, "status line", cancellationToken).ConfigureAwait(false);
            var (minorVersion, statusCode, reasonPhrase) = ParseStatusLine(Line(lineLength), request);
            headerBudget -= Consume(lineLength);
            var (fields, headerBytes) = await ReadFieldsAsync(headerBudget, request, "header", cancellationToken).ConfigureAwait(false);
            headerBudget -= headerBytes;

            // An interim response (100 Continue, 103 Early Hints) precedes the final one, which clients must read on
            // (RFC 9110 §15.2); 101 would switch protocols, which this client never asks for.
            if (statusCode == 101)
                throw Malformed(request, "101 Switching Protocols, which this client never asks for");
            if (statusCode < 200)
                continue;

            var framing = ResponseFraming.From(fields, minorVersion, statusCode, request);
            var body = framing.Kind switch
            {
                BodyKind.None => [],
                BodyKind.ContentLength => await ReadContentLengthBodyAsync((int)framing.ContentLength, request, cancellationToken).ConfigureAwait(false),
                BodyKind.Chunked => await ReadChunkedBodyAsync(request, cancellationToken).ConfigureAwait(false),
                _ => await ReadUntilCloseAsync(request, cancellationToken).ConfigureAwait(false),
            };
            return (new RuntimeApiResponse(statusCode, reasonPhrase, fields, body), framing.KeepAlive);
        }
    }

    private async Task<(List<KeyValuePair<string, string>> Fields, int Bytes)> ReadFieldsAsync(
        int budget, string request, string kind, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var used = 0;
        while (true)
        {
            var lineLength = await BufferLineAsync(budget - used, MaxHeaderBytes, request, $"{kind} section", cancellationToken).ConfigureAwait(false);
            if (lineLength == 0)
                return (fields, used + Consume(0));
            fields.Add(ParseField(Line(lineLength), request, kind));
            used += Consume(lineLength);
        }
    }

    private async Task<byte[]> ReadContentLengthBodyAsync(int length, string request, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        await ReadExactlyAsync(body, request, "body", cancellationToken).ConfigureAwait(false);
        return body;
    }

    /// <summary>RFC 9112 §7.1: chunk-size [ chunk-ext ] CRLF, chunk-data CRLF, …, a last chunk of size 0, trailer fields, CRLF.</summary>
    private async Task<byte[]> ReadChunkedBodyAsync(string request, CancellationToken cancellationToken)
    {
        var body = new GrowingBody(request);
        while (true)
        {
            var lineLength = await BufferLineAsync(MaxChunkSizeLineBytes, MaxChunkSizeLineBytes, request, "chunk-size line", cancellationToken).ConfigureAwait(false);
            var size = ParseChunkSize(Line(lineLength), body.Length, request);
            Consume(lineLength);
            if (size == 0)
                break;
            await ReadExactlyAsync(body.Append(size), request, "chunk", cancellationToken).ConfigureAwait(false);
            await BufferAsync(2, request, "chunk", cancellationToken).ConfigureAwait(false);
            if (_buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
                throw Malformed(request, $"chunk data not followed by CRLF but by \"{Printable(_buffer.AsSpan(_start, 2))}\"");
            _start += 2;
        }
        // Trailer fields are checked like header fields, then dropped: nothing here reads them (RFC 9112 §7.1.2 lets
        // a recipient discard them).
        await ReadFieldsAsync(MaxHeaderBytes, request, "trailer", cancellationToken).ConfigureAwait(false);
        return body.ToArray();
    }

    private async Task<byte[]> ReadUntilCloseAsync(string request, CancellationToken cancellationToken)
    {
        var body = new GrowingBody(request);
        _buffer.AsSpan(_start, _end - _start).CopyTo(body.Append(_end - _start).Span);
        _start = _end = 0;
        while (true)
        {
            var read = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return body.ToArray();
            _buffer.AsSpan(0, read).CopyTo(body.Append(read).Span);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with what is buffered, then straight from the stream.</summary>
    private async Task ReadExactlyAsync(Memory<byte> destination, string request, string part, CancellationToken cancellationToken)
    {
        var copied = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(destination.Span);
        _start += copied;
        while (copied < destination.Length)
        {
            var read = await stream.ReadAsync(destination[copied..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw Ended(request, $"after {copied} of the {destination.Length} bytes of the response's {part}");
            copied += read;
        }
    }

    /// <summary>
    /// Buffers until a whole line, ending CRLF, is unread; returns its length without the CRLF. The line may take
    /// <paramref name="maxLength"/> bytes, what is left of the <paramref name="limit"/> on its <paramref name="part"/>.
    /// </summary>
    private async Task<int> BufferLineAsync(int maxLength, int limit, string request, string part, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                if (length + 1 > maxLength)
                    throw TooLong(request, part, limit);
                // RFC 9112 §2.2 lets a recipient accept a bare LF; a strict one refuses it, and these peers never send it.
                if (length == 0 || _buffer[_start + length - 1] != '\r')
                    throw Malformed(request, $"a line ending in a bare LF in its {part}: \"{Printable(_buffer.AsSpan(_start, length))}\"");
                return length - 1;
            }
            searched = _end - _start;
            if (searched >= maxLength)
                throw TooLong(request, part, limit);
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                throw Ended(request, $"in the middle of the response's {part}");
        }
    }

    private async Task BufferAsync(int count, string request, string part, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                throw Ended(request, $"in the middle of a {part}");
        }
    }

    /// <summary>Reads more into the buffer (moving what is unread to its front when the end is reached); false at end of stream.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_end == _buffer.Length)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    private ReadOnlySpan<byte> Line(int length) => _buffer.AsSpan(_start, length);

    /// <summary>Moves past a line of <paramref name="length"/> bytes and its CRLF; returns the bytes consumed.</summary>
    private int Consume(int length)
    {
        _start += length + 2;
        return length + 2;
    }

    /// <summary>status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 §4).</summary>
    private static (int MinorVersion, int StatusCode, string ReasonPhrase) ParseStatusLine(ReadOnlySpan<byte> line, string request)
    {
        var valid = line.Length >= 12 && line.StartsWith("HTTP/1."u8) && char.IsAsciiDigit((char)line[7]) && line[8] == ' '
                    && char.IsAsciiDigit((char)line[9]) && char.IsAsciiDigit((char)line[10]) && char.IsAsciiDigit((char)line[11])
                    && (line.Length == 12 || line[12] == ' ') && (line.Length <= 13 || IsFieldText(line[13..]));
        var statusCode = valid ? (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0') : 0;
        // RFC 9110 §15: status codes are 100 to 599.
        if (!valid || statusCode is < 100 or > 599)
            throw Malformed(request, $"a malformed status line: \"{Printable(line)}\"");
        return (line[7] - '0', statusCode, line.Length > 13 ? Encoding.Latin1.GetString(line[13..]) : "");
    }

    /// <summary>
    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5), the name a token with nothing between it and
    /// the colon, the value visible characters, spaces and tabs. An obsolete folded line (one starting with a space)
    /// has no name and is refused: RFC 9112 §5.2 forbids sending it, and these peers never do.
    /// </summary>
    private static KeyValuePair<string, string> ParseField(ReadOnlySpan<byte> line, string request, string kind)
    {
        var colon = line.IndexOf((byte)':');
        var value = colon < 0 ? default : line[(colon + 1)..].Trim(" \t"u8);
        if (colon <= 0 || !IsToken(line[..colon]) || !IsFieldText(value))
            throw Malformed(request, $"a malformed {kind} field: \"{Printable(line)}\"");
        // Latin-1 maps every byte to the char of the same value, as HttpClient read these fields
        // (HttpRuleParser.DefaultHttpEncoding), so no byte is lost or replaced.
        return new(Encoding.Latin1.GetString(line[..colon]), Encoding.Latin1.GetString(value));
    }

    /// <summary>chunk-size is hex digits, then optional whitespace and chunk extensions, which are ignored (RFC 9112 §7.1.1).</summary>
    private static int ParseChunkSize(ReadOnlySpan<byte> line, int bodyLength, string request)
    {
        var digits = 0;
        long size = 0;
        while (digits < line.Length && char.IsAsciiHexDigit((char)line[digits]))
        {
            size = size * 16 + HexValue(line[digits]);
            digits++;
            if (bodyLength + size > MaxBodyBytes)
                throw TooLarge(request);
        }
        var rest = line[digits..].TrimStart(" \t"u8);
        if (digits == 0 || (rest.Length > 0 && (rest[0] != ';' || !IsFieldText(rest))))
            throw Malformed(request, $"a malformed chunk-size line: \"{Printable(line)}\"");
        return (int)size;
    }

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>tchar (RFC 9110 §5.6.2): a visible ASCII character that is not a delimiter.</summary>
    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7F || "\"(),/:;<=>?@[\\]{}"u8.Contains(c))
                return false;
        }
        return true;
    }

    /// <summary>Field values and reason phrases: visible characters, obs-text, spaces and tabs, no other control character.</summary>
    private static bool IsFieldText(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c != '\t') || c == 0x7F)
                return false;
        }
        return true;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        const int shown = 120;
        var text = new StringBuilder();
        foreach (var c in bytes[..Math.Min(bytes.Length, shown)])
        {
            if (c is >= 0x20 and < 0x7F and not (byte)'\\')
                text.Append((char)c);
            else
                text.Append(CultureInfo.InvariantCulture, $"\\x{c:X2}");
        }
        return bytes.Length > shown ? text.Append('…').ToString() : text.ToString();
    }

    private static HttpRequestException Malformed(string request, string what) =>
        new(HttpRequestError.InvalidResponse, $"The Lambda Runtime API answered {request} with {what}.");

    private static HttpRequestException TooLong(string request, string part, int limit) =>
        new(HttpRequestError.InvalidResponse, $"The Lambda Runtime API answered {request} with a {part} over the limit of {limit} bytes.");

    private static HttpRequestException TooLarge(string request) =>
        new(HttpRequestError.InvalidResponse, $"The Lambda Runtime API answered {request} with a body over the limit of {MaxBodyBytes} bytes.");

    private static HttpRequestException Ended(string request, string when) =>
        new(HttpRequestError.ResponseEnded, $"The Lambda Runtime API closed the connection {when} ({request}).");

    private enum BodyKind { None, ContentLength, Chunked, UntilClose }

    /// <summary>How the body is delimited and whether the connection stays open after it (RFC 9112 §6.3, §9.3).</summary>
    private readonly record struct ResponseFraming(BodyKind Kind, long ContentLength, bool KeepAlive)
    {
        public static ResponseFraming From(List<KeyValuePair<string, string>> fields, int minorVersion, int statusCode, string request)
        {
            long? contentLength = null;
            string? transferCoding = null;
            // HTTP/1.1 connections persist unless either side says close; HTTP/1.0 ones only if the server says keep-alive.
            var keepAlive = minorVersion >= 1;
            foreach (var (name, value) in fields)
            {
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    // Only 1*DIGIT; repeated values must agree (RFC 9110 §8.6), else which one frames the body is anyone's guess.
                    if (value.Length is 0 or > 18 || !value.All(char.IsAsciiDigit) || (contentLength is { } seen && seen != long.Parse(value, CultureInfo.InvariantCulture)))
                        throw Malformed(request, $"an invalid Content-Length: \"{value}\"");
                    contentLength = long.Parse(value, CultureInfo.InvariantCulture);
                }
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    transferCoding = transferCoding is null ? value : $"{transferCoding}, {value}";
                }
                else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var option in value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        if (option.Equals("close", StringComparison.OrdinalIgnoreCase))
                            keepAlive = false;
                        else if (option.Equals("keep-alive", StringComparison.OrdinalIgnoreCase) && minorVersion == 0)
                            keepAlive = true;
                    }
                }
            }

            // 204 and 304 responses never have content (RFC 9110 §15.3.5, §15.4.5); this client sends no HEAD.
            if (statusCode is 204 or 304)
                return new(BodyKind.None, 0, keepAlive);
            if (transferCoding is not null)
            {
                // Both at once is how responses are smuggled (RFC 9112 §6.3); and this client asks for no other coding.
                if (contentLength is not null)
                    throw Malformed(request, "both Transfer-Encoding and Content-Length");
                if (!transferCoding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
                    throw Malformed(request, $"Transfer-Encoding \"{transferCoding}\", where only chunked is understood");
                return new(BodyKind.Chunked, 0, keepAlive);
            }
            if (contentLength is { } length)
            {
                if (length > MaxBodyBytes)
                    throw TooLarge(request);
                return new(length == 0 ? BodyKind.None : BodyKind.ContentLength, length, keepAlive);
            }
            // Neither: the body is what arrives until the server closes the connection (RFC 9112 §6.3, rule 8).
            return new(BodyKind.UntilClose, 0, KeepAlive: false);
        }
    }

    /// <summary>A body of unknown length, within <see cref="MaxBodyBytes"/>.</summary>
    private sealed class GrowingBody(string request)
    {
        private byte[] _bytes = [];

        public int Length { get; private set; }

        /// <summary>Extends the body by <paramref name="count"/> bytes, returning them to be filled.</summary>
        public Memory<byte> Append(int count)
        {
            if ((long)Length + count > MaxBodyBytes)
                throw TooLarge(request);
            if (Length + count > _bytes.Length)
                Array.Resize(ref _bytes, (int)Math.Min(MaxBodyBytes, Math.Max(Length + count, 2L * _bytes.Length)));
            var appended = _bytes.AsMemory(Length, count);
            Length += count;
            return appended;
        }

        public byte[] ToArray() => Length == _bytes.Length ? _bytes : _bytes.AsSpan(0, Length).ToArray();
    }
}
