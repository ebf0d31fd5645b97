using Chalice.Local.Sqs;
using Chalice.Local.Tests.S3;

namespace Chalice.Local.Tests.Sqs;

/// <summary>An SQS stand-in on a private temporary folder, for one test.</summary>
internal sealed class SqsStandInSession : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;

    private SqsStandInSession(TemporaryDirectory directory, SqsStandInHost host)
    {
        _directory = directory;
        Host = host;
    }

    public SqsStandInHost Host { get; private set; }

    public Uri Endpoint => Host.Endpoint;

    public string DataDirectory => Host.DataDirectory;

    public static async Task<SqsStandInSession> StartAsync(params string[] knownQueues)
    {
        var directory = new TemporaryDirectory();
        var host = await SqsStandIn.StartAsync(new SqsStandInOptions
        {
            DataDirectory = directory.Combine("sqs"),
            KnownQueues = knownQueues,
            Logger = TestOutputLogger.ForCurrentTest(),
        }, TestContext.Current.CancellationToken);
        return new SqsStandInSession(directory, host);
    }

    /// <summary>Stops the stand-in and starts a new one on the same folder, as a second <c>dotnet run</c> would.</summary>
    public async Task RestartAsync()
    {
        var options = new SqsStandInOptions { DataDirectory = Host.DataDirectory, Logger = TestOutputLogger.ForCurrentTest() };
        await Host.DisposeAsync();
        Host = await SqsStandIn.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }
}
