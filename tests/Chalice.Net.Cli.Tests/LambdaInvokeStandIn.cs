using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chalice.Cli.Tests;

/// <summary>
/// A loopback endpoint that answers Lambda's <c>Invoke</c> (<c>POST /2015-03-31/functions/{name}/invocations</c>) as
/// AWS does (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html): 200 with the function's payload; 200 with
/// <c>X-Amz-Function-Error: Unhandled</c> and the runtime's error document when the function failed; the base64 end of
/// the log in <c>X-Amz-Log-Result</c> when <c>X-Amz-Log-Type: Tail</c> asked for it; 429 TooManyRequestsException when
/// throttled. moto cannot run a function without Docker, so this stands in for it.
/// </summary>
internal sealed class LambdaInvokeStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, byte[], (int Status, string Body, Dictionary<string, string> Headers)> _answer;
    private readonly Task _loop;

    public LambdaInvokeStandIn(Func<string, byte[], (int Status, string Body, Dictionary<string, string> Headers)> answer)
    {
        _answer = answer;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = ServeAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>The functions invoked, with the payload and whether the log tail was asked for, in order.</summary>
    public List<(string Function, string Payload, bool LogTail)> Invocations { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var segments = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var function = Uri.UnescapeDataString(segments is ["2015-03-31", "functions", var name, "invocations"] ? name : "");
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (Invocations)
                Invocations.Add((function, Encoding.UTF8.GetString(body.ToArray()), context.Request.Headers["X-Amz-Log-Type"] == "Tail"));
            var (status, text, headers) = _answer(function, body.ToArray());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            foreach (var (key, value) in headers)
                context.Response.Headers[key] = value;
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
