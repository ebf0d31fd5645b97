using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Chalice.Tests;

/// <summary>A failure the proxy can put in place of forwarding a request.</summary>
public enum ProxyFault
{
    /// <summary>Read the request, then reset the TCP connection (RST) without answering.</summary>
    ConnectionReset,

    /// <summary>Answer 500 with an InternalFailure error in the request's protocol (XML for form posts, else JSON).</summary>
    InternalServerError,

    /// <summary>Answer 400 with a Throttling error in the request's protocol (XML <c>Throttling</c> or JSON <c>ThrottlingException</c>).</summary>
    Throttling,
}

/// <summary>One request the proxy received.</summary>
/// <param name="Number">1 for the first request the proxy saw, 2 for the next, …</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The request target.</param>
/// <param name="Service">The SigV4 signing name from the Authorization header (<c>iam</c>, <c>lambda</c>…), if signed.</param>
/// <param name="Action">The query protocol's <c>Action</c> form field, if any.</param>
/// <param name="Forwarded">Whether the request went to the target (false when a fault replaced it).</param>
/// <param name="Fault">The injected fault, if any.</param>
/// <param name="StatusCode">The status sent back, or null for a reset.</param>
public sealed record ProxiedRequest(
    int Number, string Method, string PathAndQuery, string? Service, string? Action, bool Forwarded, ProxyFault? Fault, int? StatusCode);

/// <summary>
/// A loopback HTTP/1.1 proxy in front of an AWS stand-in (moto) that can fail chosen requests: the k-th request, or
/// the next requests matching a predicate, get a connection reset, a 500 or a throttling error instead of being
/// forwarded. Every request is counted and logged. Bodies must carry Content-Length (chunked uploads get 501), which
/// both our clients and the AWS CLI do.
/// </summary>
public sealed partial class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length", "Expect",
    };

    private readonly Uri _target;
    private readonly TcpListener _listener;
    private readonly HttpClient _forwarder;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, ProxyFault> _byNumber = new();
    private readonly List<(Func<ProxiedRequest, bool> Match, ProxyFault Fault, int Remaining)> _rules = [];
    private readonly List<ProxiedRequest> _requests = [];
    private readonly Task _acceptLoop;
    private int _count;

    private FaultInjectingProxy(Uri target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _forwarder = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Starts a proxy forwarding to <paramref name="target"/> (scheme, host and port; http only).</summary>
    public static FaultInjectingProxy Start(Uri target) => new(target);

    /// <summary>The proxy's own address, to use as the clients' endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Receives one line per request, e.g. "#3 POST / iam CreateRole -> fault Throttling 400".</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests.OrderBy(r => r.Number)];
        }
    }

    /// <summary>How many requests reached the target.</summary>
    public int ForwardedCount => Requests.Count(r => r.Forwarded);

    /// <summary>Fails the request with this 1-based number (counting every request the proxy receives).</summary>
    public void FailRequest(int number, ProxyFault fault) => _byNumber[number] = fault;

    /// <summary>Fails the next <paramref name="times"/> requests that <paramref name="match"/> accepts.</summary>
    public void FailWhen(Func<ProxiedRequest, bool> match, ProxyFault fault, int times = 1)
    {
        lock (_rules)
            _rules.Add((match, fault, times));
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var connection = new ConnectionReader(socket);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var head = await connection.ReadHeadAsync(_stopping.Token);
                if (head is null)
                    return;
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = lines.Skip(1).Where(l => l.Length > 0)
                    .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                    .ToList();
                string? Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

                if (Header("Transfer-Encoding") is not null)
                {
                    await connection.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stopping.Token);
                    return;
                }
                if (string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
                    await connection.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stopping.Token);
                var body = await connection.ReadBodyAsync(int.Parse(Header("Content-Length") ?? "0", System.Globalization.CultureInfo.InvariantCulture), _stopping.Token);
                var isForm = Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
                var request = new ProxiedRequest(
                    Interlocked.Increment(ref _count), requestLine[0], requestLine[1],
                    Header("Authorization") is { } auth && CredentialScope().Match(auth) is { Success: true } scope ? scope.Groups[1].Value : null,
                    isForm ? ActionField().Match(Encoding.UTF8.GetString(body)) is { Success: true } action ? Uri.UnescapeDataString(action.Groups[1].Value) : null : null,
                    Forwarded: false, Fault: null, StatusCode: null);

                if (ChooseFault(request) is { } fault)
                {
                    if (fault == ProxyFault.ConnectionReset)
                    {
                        Record(request with { Fault = fault });
                        socket.LingerState = new LingerOption(true, 0);
                        socket.Close();
                        return;
                    }
                    var (status, bytes) = FaultResponse(fault, isForm);
                    Record(request with { Fault = fault, StatusCode = (int)status.Code });
                    await connection.WriteAsync(bytes, _stopping.Token);
                    continue;
                }

                var (code, response) = await ForwardAsync(requestLine[0], requestLine[1], headers, body);
                Record(request with { Forwarded = true, StatusCode = code });
                await connection.WriteAsync(response, _stopping.Token);
                if (string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
                    return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the proxy is stopping.
        }
    }

    private ProxyFault? ChooseFault(ProxiedRequest request)
    {
        if (_byNumber.TryRemove(request.Number, out var byNumber))
            return byNumber;
        lock (_rules)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (match, fault, remaining) = _rules[i];
                if (remaining <= 0 || !match(request))
                    continue;
                _rules[i] = (match, fault, remaining - 1);
                return fault;
            }
        }
        return null;
    }

    private async Task<(int Status, byte[] Response)> ForwardAsync(string method, string target, List<(string Name, string Value)> headers, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_target, target));
        request.Content = new ByteArrayContent(body);
        foreach (var (name, value) in headers)
        {
            if (s_hopByHop.Contains(name))
                continue;
            // Host is kept as the client signed it; content headers belong to the content.
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        if (body.Length == 0 && method is "GET" or "DELETE" or "HEAD")
            request.Content = null;

        using var response = await _forwarder.SendAsync(request, _stopping.Token);
        var responseBody = await response.Content.ReadAsByteArrayAsync(_stopping.Token);
        var head = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!s_hopByHop.Contains(name))
                head.Append(name).Append(": ").AppendJoin(", ", values).Append("\r\n");
        }
        head.Append("Content-Length: ").Append(responseBody.Length).Append("\r\n\r\n");
        return ((int)response.StatusCode, [.. Encoding.ASCII.GetBytes(head.ToString()), .. responseBody]);
    }

    private static ((HttpStatusCode Code, string Reason) Status, byte[] Bytes) FaultResponse(ProxyFault fault, bool queryProtocol)
    {
        var (status, code, message) = fault == ProxyFault.Throttling
            ? ((HttpStatusCode.BadRequest, "Bad Request"), queryProtocol ? "Throttling" : "ThrottlingException", "Rate exceeded")
            : ((HttpStatusCode.InternalServerError, "Internal Server Error"), "InternalFailure", "injected by FaultInjectingProxy");
        var requestId = Guid.NewGuid().ToString();
        var (contentType, body, extra) = queryProtocol
            ? ("text/xml", $"<ErrorResponse><Error><Type>{(fault == ProxyFault.Throttling ? "Sender" : "Receiver")}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>", "")
            : ("application/json", $"{{\"__type\":\"{code}\",\"message\":\"{message}\"}}", $"x-amzn-ErrorType: {code}\r\n");
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {(int)status.Item1} {status.Item2}\r\nContent-Type: {contentType}\r\nx-amzn-RequestId: {requestId}\r\n{extra}Content-Length: {bytes.Length}\r\n\r\n";
        return ((status.Item1, status.Item2), [.. Encoding.ASCII.GetBytes(head), .. bytes]);
    }

    private void Record(ProxiedRequest request)
    {
        lock (_requests)
            _requests.Add(request);
        var outcome = request.Forwarded ? $"forwarded {request.StatusCode}" : $"fault {request.Fault} {request.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "reset"}";
        Log?.Invoke($"#{request.Number} {request.Method} {request.PathAndQuery} {request.Service ?? "-"} {request.Action ?? ""} -> {outcome}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _forwarder.Dispose();
        _stopping.Dispose();
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")]
    private static partial Regex CredentialScope();

    [GeneratedRegex(@"(?:^|&)Action=([^&]*)")]
    private static partial Regex ActionField();

    /// <summary>Reads HTTP/1.1 request heads and bodies from a socket, keeping bytes read past a head for its body.</summary>
    private sealed class ConnectionReader(Socket socket) : IDisposable
    {
        private readonly NetworkStream _stream = new(socket, ownsSocket: true);
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
                if (index >= 0)
                {
                    var head = Encoding.ASCII.GetString(_buffer, _start, index);
                    _start += index + 4;
                    return head;
                }
                if (!await FillAsync(cancellationToken))
                    return null;
            }
        }

        public async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellationToken)
        {
            while (_end - _start < length)
            {
                if (!await FillAsync(cancellationToken))
                    throw new IOException("The connection closed inside a request body.");
            }
            var body = _buffer.AsSpan(_start, length).ToArray();
            _start += length;
            return body;
        }

        public ValueTask WriteAsync(byte[] bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken);

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _end += read;
            return read > 0;
        }

        public void Dispose() => _stream.Dispose();
    }
}
