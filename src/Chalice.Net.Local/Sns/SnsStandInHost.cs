using Microsoft.AspNetCore.Builder;

namespace Chalice.Local.Sns;

/// <summary>A running SNS stand-in; dispose it to stop listening (topics and subscriptions stay in its folder).</summary>
public sealed class SnsStandInHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SnsRequestHandler _handler;

    internal SnsStandInHost(WebApplication app, SnsRequestHandler handler, Uri endpoint)
    {
        _app = app;
        _handler = handler;
        Endpoint = endpoint;
    }

    /// <summary>The base address to give clients as their endpoint or <c>AWS_ENDPOINT_URL_SNS</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The full path of the folder holding the topics.</summary>
    public string DataDirectory => _handler.DataDirectory;

    /// <summary>Stops accepting requests and lets those in flight finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _handler.Dispose();
    }
}
