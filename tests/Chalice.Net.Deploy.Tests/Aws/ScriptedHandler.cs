using System.Net;
using System.Text;

namespace Chalice.Deploy.Tests.Aws;

/// <summary>
/// An in-process stand-in for AWS: answers each request with the next scripted step (a response or a transport
/// failure), then with <see cref="Fallback"/>; records what it received.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _steps = new();
    private readonly List<CapturedRequest> _requests = [];

    public Func<HttpRequestMessage, HttpResponseMessage> Fallback { get; set; } =
        static _ => throw new InvalidOperationException("No scripted response left.");

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedHandler Then(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        Then(_ => Response(status, body, contentType, headers));

    public ScriptedHandler ThenFail(Exception failure) => Then(_ => throw failure);

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var captured = await CapturedRequest.CaptureAsync(request, cancellationToken);
        Func<HttpRequestMessage, HttpResponseMessage> step;
        lock (_requests)
        {
            _requests.Add(captured);
            step = _steps.Count > 0 ? _steps.Dequeue() : Fallback;
        }
        return step(request);
    }
}
