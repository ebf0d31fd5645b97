namespace Chalice.Local.Sqs;

/// <summary>
/// A local, file-backed stand-in for Amazon SQS that unmodified AWS SDK code can talk to: point the SDK at
/// <see cref="SqsStandInHost.Endpoint"/> (<c>AWS_ENDPOINT_URL_SQS</c>) with any credentials.
/// </summary>
public static class SqsStandIn
{
    /// <summary>Starts the stand-in on a loopback port, on the same bare host as the S3 stand-in.</summary>
    public static async Task<SqsStandInHost> StartAsync(SqsStandInOptions options, CancellationToken cancellationToken = default)
    {
        var handler = new SqsRequestHandler(options);
        var (app, endpoint) = await StandInWebHost.StartAsync(handler.HandleAsync, options.Port, cancellationToken);
        SqsLog.Started(options.Logger, endpoint, handler.DataDirectory);
        return new SqsStandInHost(app, handler, endpoint);
    }
}
