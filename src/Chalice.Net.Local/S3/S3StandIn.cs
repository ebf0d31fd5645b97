namespace Chalice.Local.S3;

/// <summary>
/// A local, file-backed stand-in for Amazon S3 that unmodified AWS SDK code can talk to: point the SDK at
/// <see cref="S3StandInHost.Endpoint"/> with path-style addressing and any credentials.
/// </summary>
public static class S3StandIn
{
    /// <summary>Starts the stand-in on a loopback port, on the bare host every stand-in shares (<see cref="StandInWebHost"/>).</summary>
    public static async Task<S3StandInHost> StartAsync(S3StandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new S3RequestHandler(options);
        var (app, endpoint) = await StandInWebHost.StartAsync(handler.HandleAsync, options.Port, cancellationToken);
        S3Log.Started(options.Logger, endpoint, handler.DataDirectory);
        return new S3StandInHost(app, endpoint, handler.DataDirectory);
    }
}
