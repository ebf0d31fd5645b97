using Microsoft.AspNetCore.Builder;

namespace Chalice.Local.S3;

/// <summary>A running S3 stand-in; dispose it to stop listening (the data stays in its folder).</summary>
public sealed class S3StandInHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal S3StandInHost(WebApplication app, Uri endpoint, string dataDirectory)
    {
        _app = app;
        Endpoint = endpoint;
        DataDirectory = dataDirectory;
    }

    /// <summary>
    /// The base address to give the SDK as its service URL or <c>AWS_ENDPOINT_URL_S3</c>, e.g.
    /// <c>http://127.0.0.1:49152/</c>. Keep the IP address: for an IP endpoint the SDK addresses buckets path-style on
    /// its own, so an unconfigured <c>new AmazonS3Client()</c> works; for <c>localhost</c> it would ask for
    /// <c>bucket.localhost</c>, which many resolvers do not answer.
    /// </summary>
    public Uri Endpoint { get; }

    /// <summary>The full path of the folder holding the buckets and objects.</summary>
    public string DataDirectory { get; }

    /// <summary>Stops accepting requests, lets those in flight finish, and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
