using Microsoft.AspNetCore.Builder;

namespace Chalice.Local.Sqs;

/// <summary>A running SQS stand-in; dispose it to stop listening (the queues and messages stay in its folder).</summary>
public sealed class SqsStandInHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal SqsStandInHost(WebApplication app, SqsRequestHandler handler, Uri endpoint)
    {
        _app = app;
        Handler = handler;
        Endpoint = endpoint;
    }

    /// <summary>The base address to give the SDK as its service URL or <c>AWS_ENDPOINT_URL_SQS</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The full path of the folder holding the queues.</summary>
    public string DataDirectory => Handler.DataDirectory;

    /// <summary>The request handler, whose queues the SNS stand-in delivers to.</summary>
    public SqsRequestHandler Handler { get; }

    /// <summary>Stops accepting requests, lets those in flight finish, writes what is queued for the disk.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Handler.DisposeAsync();
    }
}
