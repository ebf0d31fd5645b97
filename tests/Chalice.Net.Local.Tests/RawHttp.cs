using System.Net.Sockets;
using System.Text;

namespace Chalice.Local.Tests;

/// <summary>Sends hand-written HTTP/1.1 bytes, for requests a well-behaved client would refuse to send.</summary>
internal static class RawHttp
{
    public sealed record RawResponse(int Status, string Head, byte[] Body)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);
    }

    public static async Task<RawResponse> SendAsync(Uri server, string head, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
        if (body is not null)
            await stream.WriteAsync(body);
        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.CopyToAsync(received, timeout.Token); // every request says Connection: close
        }
        catch (IOException)
        {
            // The server may reset after answering a request it refused to read.
        }
        var bytes = received.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var headText = Encoding.Latin1.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        var status = int.Parse(headText.Split(' ', 3)[1]);
        return new RawResponse(status, headText, end < 0 ? [] : bytes[(end + 4)..]);
    }
}
