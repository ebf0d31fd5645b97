using System.Net.Sockets;
using System.Text;

namespace Chalice.Local.Tests.S3;

/// <summary>A response read off the wire by <see cref="RawHttp"/>.</summary>
internal sealed record RawResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// Sends an HTTP/1.1 request byte for byte over a socket. HttpClient (and the SDK) normalize request targets, so
/// requests that try to climb out of a folder with <c>..</c> or carry a NUL could not be sent through them.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri endpoint, string method, string target, IEnumerable<(string Name, string Value)>? headers = null, byte[]? body = null, int? contentLength = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();

        var head = new StringBuilder();
        head.Append($"{method} {target} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? [])
            head.Append($"{name}: {value}\r\n");
        head.Append($"Content-Length: {contentLength ?? body?.Length ?? 0}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), TestContext.Current.CancellationToken);
        if (body is not null)
            await stream.WriteAsync(body, TestContext.Current.CancellationToken);

        using var response = new MemoryStream();
        await stream.CopyToAsync(response, TestContext.Current.CancellationToken);
        return Parse(Encoding.UTF8.GetString(response.ToArray()));
    }

    private static RawResponse Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..split].Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, text[(split + 4)..]);
    }
}
