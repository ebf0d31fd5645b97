using Chalice.Local.S3;

namespace Chalice.Local.Tests.S3;

/// <summary>A stand-in on a private temporary folder, for one test.</summary>
internal sealed class S3StandInSession : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;

    private S3StandInSession(TemporaryDirectory directory, S3StandInHost host)
    {
        _directory = directory;
        Host = host;
    }

    public S3StandInHost Host { get; private set; }

    public Uri Endpoint => Host.Endpoint;

    public string DataDirectory => Host.DataDirectory;

    /// <summary>The temporary folder the data directory sits in (nothing else should ever appear there).</summary>
    public string ParentDirectory => _directory.Path;

    /// <summary>Starts a stand-in on a fresh folder with <paramref name="knownBuckets"/>, as the emulator would.</summary>
    public static async Task<S3StandInSession> StartAsync(params string[] knownBuckets)
    {
        var directory = new TemporaryDirectory();
        var host = await S3StandIn.StartAsync(new S3StandInOptions
        {
            DataDirectory = directory.Combine("s3"),
            KnownBuckets = knownBuckets,
            Logger = TestOutputLogger.ForCurrentTest(),
        }, TestContext.Current.CancellationToken);
        return new S3StandInSession(directory, host);
    }

    /// <summary>Stops the stand-in and starts a new one on the same folder, as a second <c>dotnet run</c> would.</summary>
    public async Task RestartAsync()
    {
        var options = new S3StandInOptions { DataDirectory = Host.DataDirectory, Logger = TestOutputLogger.ForCurrentTest() };
        await Host.DisposeAsync();
        Host = await S3StandIn.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }
}
