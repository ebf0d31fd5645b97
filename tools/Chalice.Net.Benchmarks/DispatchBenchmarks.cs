using BenchmarkDotNet.Attributes;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Benchmarks;

/// <summary>
/// One warm Lambda invocation of <c>GET /users/{id}</c>: REST v1 event JSON (with the 15 headers API Gateway sends
/// for a browser request through CloudFront) → route → bind → handler → proxy response JSON.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private ChaliceApplication _app = null!;
    private ReadOnlyMemory<byte> _event;

    [GlobalSetup]
    public void Setup()
    {
        _app = ChaliceApplication.Create<Chalice.TestApp.App>();
        var client = new ChaliceTestClient(_app);
        // 11 client headers; the gateway adds X-Amzn-Trace-Id and X-Forwarded-For/Port/Proto: 15 in the event.
        _event = client.CreateEventJson("GET", "/users/42?verbose=true",
        [
            new("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8"),
            new("Accept-Encoding", "gzip, deflate, br"),
            new("Accept-Language", "en-US,en;q=0.9"),
            new("CloudFront-Forwarded-Proto", "https"),
            new("CloudFront-Is-Desktop-Viewer", "true"),
            new("CloudFront-Is-Mobile-Viewer", "false"),
            new("CloudFront-Viewer-Country", "US"),
            new("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"),
            new("Via", "2.0 f0d2a3e5c8b1a4d7e9f6c3b2a1d0e9f8.cloudfront.net (CloudFront)"),
            new("X-Amz-Cf-Id", "cDehVQoZnx43VYQb9j2-nvCh-9z396Uhbp027Y2JvkCPNLmGJHqlaA=="),
        ])!;
        var headerCount = System.Text.Json.Nodes.JsonNode.Parse(_event.Span)!["headers"]!.AsObject().Count;
        if (headerCount != 15)
            throw new InvalidOperationException($"The benchmark event has {headerCount} headers, not 15.");
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public ValueTask<byte[]> RestV1GetUser() => _app.Dispatcher.DispatchAsync(_event);
}
