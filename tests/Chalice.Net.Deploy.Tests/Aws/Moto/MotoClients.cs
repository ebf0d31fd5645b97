using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Signing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Moto;

/// <summary>Clients pointed at a moto server, with every request captured and every attempt recorded.</summary>
internal sealed class MotoClients : IDisposable
{
    public static readonly AwsCredentials Credentials = new("testing", "testing");

    public MotoClients(MotoServer moto)
    {
        moto.EnsureAvailable();
        Capture = new CapturingHandler();
        Recorder = new AwsCallRecorder();
        Clients = new AwsClients(
            new AwsSettings(new StaticCredentialsProvider(Credentials), MotoServer.Region, moto.Endpoint),
            new AwsClientOptions { HttpHandler = Capture, Observer = Recorder, Delay = static (_, _) => Task.CompletedTask });
    }

    public AwsClients Clients { get; }

    public CapturingHandler Capture { get; }

    public AwsCallRecorder Recorder { get; }

    public void Dispose()
    {
        Clients.Dispose();
        Capture.Dispose();
    }
}
