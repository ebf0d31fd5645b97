using Chalice.Deploy.Aws;

namespace Chalice.Deploy.Tests.Aws;

/// <summary>A copy of a request as it left the client (signed), taken before the transport saw it.</summary>
internal sealed record CapturedRequest(
    AwsOperation? Operation, HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType)
{
    public static async Task<CapturedRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        request.Options.TryGetValue(new HttpRequestOptionsKey<AwsOperation>("Chalice.AwsOperation"), out var operation);
        return new CapturedRequest(operation, request.Method, request.RequestUri!, headers, body,
            request.Content?.Headers.ContentType?.ToString());
    }
}

/// <summary>Records every request, then passes it on to the inner handler (a real socket handler by default).</summary>
internal sealed class CapturingHandler(HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new SocketsHttpHandler())
{
    private readonly List<CapturedRequest> _requests = [];

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var captured = await CapturedRequest.CaptureAsync(request, cancellationToken);
        lock (_requests)
            _requests.Add(captured);
        return await base.SendAsync(request, cancellationToken);
    }
}
