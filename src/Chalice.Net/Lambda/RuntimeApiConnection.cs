using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chalice.Lambda;

/// <summary>
/// An HTTP/1.1 client for one peer, the Lambda Runtime API at <c>AWS_LAMBDA_RUNTIME_API</c>: one persistent TCP
/// connection, one request at a time. A request is its request line, <c>Host</c>, <c>Content-Length</c> (with a
/// body), the caller's fields and the body; <see cref="Http11ResponseReader"/> reads the response. No proxies, TLS,
/// redirects, cookies, compression or timeouts: the Runtime API is plain HTTP on the loopback interface, and the
/// next-invocation request waits, unbounded, for as long as the environment is frozen.
/// </summary>
/// <remarks>
/// <para>
/// Why ours rather than HttpClient: SocketsHttpHandler is most of a Native AOT bootstrap that speaks HTTP only to
/// this peer. An AOT console app making one GET and one POST with HttpClient is 5,820,440 bytes, the same over a
/// Socket and a NetworkStream 1,941,576; the scaffolded app's bootstrap (tools/bench/bootstrap-size.sh) went from
/// 8,395,232 bytes to 4,387,400 with this client, and its cold start no longer builds a connection pool, a handler
/// chain and header parsers for one loopback connection. AWS's own runtimes likewise talk to the Runtime API
/// through small clients: aws-lambda-cpp through one reused libcurl handle
/// (https://github.com/awslabs/aws-lambda-cpp/blob/master/src/runtime.cpp), the Rust runtime through hyper's HTTP/1
/// client over a plain TCP connector
/// (https://github.com/awslabs/aws-lambda-rust-runtime/blob/main/lambda-runtime-api-client/src/lib.rs).
/// </para>
/// <para>
/// The connection is reused while the server keeps it open. Before each request it is checked: a peer that closed
/// (or reset) it while idle, or sent bytes out of turn, gets a new connection. Should writing a request on a reused
/// connection fail anyway (the peer closed it as the request began), the peer never had the whole request, so it is
/// written once more on a new connection. Any other failure discards the connection, so the next request starts
/// clean; I/O failures are reported as <see cref="HttpRequestException"/>, as protocol violations are.
/// </para>
/// </remarks>
internal sealed class RuntimeApiConnection : IDisposable
{
    private readonly string _authority;
    private readonly string _pathPrefix;
    private readonly EndPoint _endPoint;
    private Socket? _socket;
    private NetworkStream? _stream;
    private Http11ResponseReader? _reader;
    private int _busy;

    /// <param name="runtimeApi">
    /// <c>host:port</c>, as Lambda sets <c>AWS_LAMBDA_RUNTIME_API</c>. A path after it (<c>host:port/prefix</c>) prefixes
    /// every request's, as it did when the value was a URI's base address.
    /// </param>
    public RuntimeApiConnection(string runtimeApi)
    {
        var slash = runtimeApi.IndexOf('/');
        _authority = slash < 0 ? runtimeApi : runtimeApi[..slash];
        _pathPrefix = slash < 0 ? "" : runtimeApi[slash..].TrimEnd('/');
        _endPoint = ParseEndPoint(_authority)
                    ?? throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API is '{runtimeApi}', not host:port.", nameof(runtimeApi));
        if (!IsRequestTarget(_pathPrefix))
            throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API is '{runtimeApi}', whose path is not a plain URI path.", nameof(runtimeApi));
    }

    /// <summary>Sends a GET for <paramref name="path"/> (after the prefix) and reads the response.</summary>
    public Task<RuntimeApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync("GET", path, body: null, [], cancellationToken);

    /// <summary>Sends a POST of <paramref name="body"/> with <paramref name="fields"/> and reads the response.</summary>
    public Task<RuntimeApiResponse> PostAsync(
        string path, ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync("POST", path, body, fields, cancellationToken);

    private async Task<RuntimeApiResponse> SendAsync(
        string method, string path, ReadOnlyMemory<byte>? body, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var target = _pathPrefix + path;
        if (!IsRequestTarget(target))
            throw new ArgumentException($"'{path}' is not a plain URI path.", nameof(path));
        var request = $"{method} {target}";
        var head = RequestHead(request, body?.Length, fields);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("The Runtime API connection carries one request at a time.");
        try
        {
            if (!IsOpenAndIdle())
                Close();
            var reused = _stream is not null;
            if (!reused)
                await ConnectAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await WriteAsync(head, body, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (reused)
            {
                Close();
                await ConnectAsync(request, cancellationToken).ConfigureAwait(false);
                await WriteAsync(head, body, cancellationToken).ConfigureAwait(false);
            }
            var (response, keepAlive) = await _reader!.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (!keepAlive || _reader.HasUnreadBytes)
                Close();
            return response;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            Close();
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"The connection to the Lambda Runtime API at {_authority} failed during {request}: {exception.Message}", exception);
        }
        catch
        {
            // A response cut short (cancelled, or malformed) leaves the connection somewhere inside a message.
            Close();
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    public void Dispose() => Close();

    /// <summary>
    /// Whether the kept connection can carry the next request. Nothing is due from the server between responses, so
    /// a readable socket means it closed or reset the connection, or is out of step with us.
    /// </summary>
    private bool IsOpenAndIdle()
    {
        try
        {
            return _socket is not null && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task ConnectAsync(string request, CancellationToken cancellationToken)
    {
        var socket = _endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        // Each request is written whole; Nagle's algorithm would only hold a body back until the head is acknowledged.
        socket.NoDelay = true;
        try
        {
            await socket.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"Could not connect to the Lambda Runtime API at {_authority} for {request}: {exception.Message}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new Http11ResponseReader(_stream);
    }

    private async Task WriteAsync(byte[] head, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        await _stream!.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        if (body is { Length: > 0 } content)
            await _stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
    }

    private void Close()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        _stream = null;
        _socket = null;
        _reader = null;
    }

    /// <summary>
    /// The request line and header section (RFC 9112 §3, §5). POST always states its length, 0 included (RFC 9110
    /// §8.6); GET has no body and says nothing of one.
    /// </summary>
    private byte[] RequestHead(string request, int? contentLength, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var head = new StringBuilder(request.Length + 128);
        head.Append(request).Append(" HTTP/1.1\r\nHost: ").Append(_authority).Append("\r\n");
        if (contentLength is { } length)
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        foreach (var (name, value) in fields)
        {
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 0x7F || c == ':') || value.Any(c => c is '\r' or '\n' or '\0'))
                throw new ArgumentException($"'{name}: {value}' is not a header field this client can send.", nameof(fields));
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>A path of visible ASCII characters (anything else must be percent-encoded by the caller).</summary>
    private static bool IsRequestTarget(string path) => path.All(c => c is > ' ' and < (char)0x7F);

    /// <summary><c>127.0.0.1:9001</c>, <c>[::1]:9001</c> or <c>localhost:9001</c>; null when it is none of these.</summary>
    private static EndPoint? ParseEndPoint(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !ushort.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port == 0)
            return null;
        var host = authority[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(v6, port) : null;
        if (host.Contains(':'))
            return null;
        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
    }
}
