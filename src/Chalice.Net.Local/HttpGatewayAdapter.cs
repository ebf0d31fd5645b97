using System.Buffers;
using Chalice.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chalice.Local;

/// <summary>Translates between Kestrel's <see cref="HttpContext"/> and the gateway simulation's request and response.</summary>
internal static class HttpGatewayAdapter
{
    /// <summary>
    /// Reads the request as API Gateway receives it: the raw target (percent-encoding intact),
    /// headers in order, and the body up to one byte past <paramref name="maxBodyBytes"/> (enough to tell it is too large).
    /// </summary>
    public static async Task<GatewayRequest> ReadAsync(HttpContext context, int maxBodyBytes)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        if (!target.StartsWith('/'))
            target = OriginForm(target) ?? request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
                headers.Add(new(name, value ?? ""));
        }

        return new GatewayRequest(request.Method, path, query, headers, await ReadBodyAsync(request, maxBodyBytes, context.RequestAborted))
        {
            SourceIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            Protocol = request.Protocol,
        };
    }

    /// <summary>
    /// The path and query of an absolute-form target (<c>http://host:port/a%20b?q</c>, as proxies send), escapes intact;
    /// null for anything else (<c>*</c>).
    /// </summary>
    private static string? OriginForm(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return null;
        var path = target.IndexOfAny(['/', '?'], scheme + 3);
        return path < 0 ? "/" : target[path] == '?' ? "/" + target[path..] : target[path..];
    }

    public static async Task WriteAsync(HttpContext context, GatewayResponse response)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
            http.Headers.Append(name, value);
        http.ContentLength = response.Body.Length;
        if (response.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
            await http.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
            return ReadOnlyMemory<byte>.Empty;
        var limit = maxBodyBytes + 1;
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit));
        while (buffer.WrittenCount < limit)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(Math.Min(64 * 1024, limit - buffer.WrittenCount)), cancellationToken);
            if (read == 0)
                break;
            buffer.Advance(read);
        }
        return buffer.WrittenMemory;
    }
}
