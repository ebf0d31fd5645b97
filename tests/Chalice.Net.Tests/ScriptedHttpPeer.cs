using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chalice.Tests;

/// <summary>A request as the peer received it: request line, header fields, Content-Length body, and every byte.</summary>
public sealed record ReceivedRequest(string RequestLine, IReadOnlyList<KeyValuePair<string, string>> Fields, byte[] Body, byte[] Raw)
{
    public string? Field(string name) =>
        Fields.Where(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value).FirstOrDefault();
}

/// <summary>
/// A loopback TCP server that plays one script per accepted connection, in order: it reads requests and writes
/// exactly the bytes a test gives it, whole, in pieces, one byte at a time, cut short, then closes or resets. What an
/// HTTP client must cope with, without a server library deciding the framing. A connection beyond the scripts is
/// closed at once; <see cref="Completion"/> fails with whatever a script threw (its assertions included).
/// </summary>
public sealed class ScriptedHttpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _run;
    private int _accepted;

    private ScriptedHttpPeer(Func<PeerConnection, Task>[] scripts)
    {
        _listener.Start();
        _run = RunAsync(scripts);
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections the client opened.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Completes when every script has run.</summary>
    public Task Completion => _run.WaitAsync(TimeSpan.FromSeconds(20));

    public static ScriptedHttpPeer Start(params Func<PeerConnection, Task>[] scripts) => new(scripts);

    private async Task RunAsync(Func<PeerConnection, Task>[] scripts)
    {
        foreach (var script in scripts)
        {
            var socket = await _listener.AcceptSocketAsync();
            Interlocked.Increment(ref _accepted);
            using var connection = new PeerConnection(socket);
            await script(connection);
        }
        _ = RefuseExtraConnectionsAsync();
    }

    private async Task RefuseExtraConnectionsAsync()
    {
        try
        {
            while (true)
            {
                using var extra = await _listener.AcceptSocketAsync();
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch
        {
            // A failed script is reported by Completion, to the tests that await it.
        }
    }
}

/// <summary>The peer's side of one connection.</summary>
public sealed class PeerConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly List<byte> _unread = [];

    public PeerConnection(Socket socket)
    {
        _socket = socket;
        // Each write its own segment, so a response sent in pieces arrives in pieces.
        socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Reads one request: the head up to its empty line, then a Content-Length body.</summary>
    public async Task<ReceivedRequest> ReceiveAsync()
    {
        var raw = new List<byte>();
        while (true)
        {
            var end = IndexOf(_unread, "\r\n\r\n"u8.ToArray());
            if (end >= 0)
            {
                raw.AddRange(_unread.GetRange(0, end + 4));
                _unread.RemoveRange(0, end + 4);
                break;
            }
            if (!await FillAsync())
                throw new EndOfStreamException($"The client closed the connection after {_unread.Count} bytes of a request head.");
        }
        var lines = Encoding.Latin1.GetString([.. raw]).Split("\r\n")[..^2];
        var fields = lines[1..].Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        var length = fields.Where(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(f => int.Parse(f.Value)).FirstOrDefault();
        while (_unread.Count < length)
        {
            if (!await FillAsync())
                throw new EndOfStreamException($"The client closed the connection after {_unread.Count} of {length} body bytes.");
        }
        var body = _unread.GetRange(0, length).ToArray();
        _unread.RemoveRange(0, length);
        raw.AddRange(body);
        return new ReceivedRequest(lines[0], fields, body, [.. raw]);
    }

    /// <summary>Reads a request head only (its request line and fields, not the body).</summary>
    public async Task<string> ReceiveHeadAsync()
    {
        while (IndexOf(_unread, "\r\n\r\n"u8.ToArray()) < 0)
        {
            if (!await FillAsync())
                throw new EndOfStreamException("The client closed the connection inside a request head.");
        }
        return Encoding.Latin1.GetString([.. _unread]).Split("\r\n")[0];
    }

    /// <summary>Writes text as its bytes (Latin-1: one byte per char).</summary>
    public Task SendAsync(string text, int piece = int.MaxValue) => SendAsync(Encoding.Latin1.GetBytes(text), piece);

    /// <summary>Writes the bytes, in separate writes of <paramref name="piece"/> bytes with a pause between them.</summary>
    public async Task SendAsync(byte[] bytes, int piece = int.MaxValue)
    {
        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            await _stream.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)));
            await _stream.FlushAsync();
            if (piece < bytes.Length)
                await Task.Delay(1);
        }
    }

    /// <summary>
    /// Waits until the client closes the connection (a FIN, or a RST when it closed with bytes unread); false if it
    /// sends more bytes first, or 10 s pass.
    /// </summary>
    public async Task<bool> ClientClosedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return _unread.Count == 0 && await _stream.ReadAsync(new byte[1], timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Closes the connection with a FIN.</summary>
    public void Close() => _socket.Shutdown(SocketShutdown.Both);

    /// <summary>Closes the connection with a RST: unread bytes are dropped and the client's next write fails.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Dispose() => _stream.Dispose();

    private async Task<bool> FillAsync()
    {
        var chunk = new byte[64 * 1024];
        var read = await _stream.ReadAsync(chunk);
        _unread.AddRange(chunk.AsSpan(0, read).ToArray());
        return read > 0;
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
                match = haystack[i + j] == needle[j];
            if (match)
                return i;
        }
        return -1;
    }
}
