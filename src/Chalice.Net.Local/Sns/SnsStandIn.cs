namespace Chalice.Local.Sns;

/// <summary>
/// A local stand-in for Amazon SNS that unmodified AWS SDK and CLI code can talk to (<c>AWS_ENDPOINT_URL_SNS</c>),
/// delivering to the local SQS stand-in's queues and to the app's SNS handler functions.
/// </summary>
public static class SnsStandIn
{
    /// <summary>Starts the stand-in on a loopback port, on the same bare host as the other stand-ins.</summary>
    public static async Task<SnsStandInHost> StartAsync(SnsStandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new SnsRequestHandler(options);
        var (app, endpoint) = await StandInWebHost.StartAsync(handler.HandleAsync, options.Port, cancellationToken);
        SnsLog.Started(options.Logger, endpoint, handler.DataDirectory);
        return new SnsStandInHost(app, handler, endpoint);
    }
}
