using System.IO.Compression;
using System.Security.Cryptography;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Signing;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// Deploys through the real clients to an endpoint (moto, or a fault-injecting proxy in front of it), with a state
/// folder of its own, every request captured (for model conformance) and each operation's calls counted.
/// </summary>
internal sealed class DeployHarness : IDisposable
{
    public const string Policy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::ippevent-public/*"}]}""";

    private readonly Uri _endpoint;
    private readonly string _appDirectory = Directory.CreateTempSubdirectory("chalice-deploy-").FullName;
    private readonly List<AwsClients> _clients = [];

    /// <param name="endpoint">Where the clients send.</param>
    /// <param name="transport">The handler under the capture (a socket handler by default).</param>
    /// <summary>A moto test's start: a harness against moto, reset so that the test sees only what it makes.</summary>
    public static async Task<DeployHarness> OnFreshMotoAsync(MotoServer moto, string? appName = null, string? configJson = null)
    {
        moto.EnsureAvailable();
        await moto.ResetAsync();
        var harness = new DeployHarness(moto.Endpoint);
        harness.AppName = appName ?? harness.AppName;
        harness.ConfigJson = configJson ?? harness.ConfigJson;
        return harness;
    }

    /// <summary>A moto test's end: every request the test sent, failed tests included, conforms to its service's model (botocore's); then disposed.</summary>
    public ValueTask CheckRequestsAndDisposeAsync()
    {
        try
        {
            ModelConformance.AssertConform(Capture.Requests);
        }
        finally
        {
            Dispose();
        }
        return ValueTask.CompletedTask;
    }

    public DeployHarness(Uri endpoint, HttpMessageHandler? transport = null)
    {
        _endpoint = endpoint;
        Store = new DeployedStateStore(_appDirectory);
        Capture = new CapturingHandler(transport);
    }

    /// <summary>Every request sent so far, as it left the client.</summary>
    public CapturingHandler Capture { get; }

    public DeployedStateStore Store { get; }

    /// <summary>The app name resources are named after.</summary>
    public string AppName { get; set; } = "s3test";

    /// <summary>The config text the specs are made from; tests change it to change settings.</summary>
    public string ConfigJson { get; set; } = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_stage": "api" } } }""";

    /// <summary>Clients whose calls <paramref name="recorder"/> counts.</summary>
    public AwsClients Clients(AwsCallRecorder recorder, AwsRetryOptions? retry = null)
    {
        var clients = new AwsClients(
            new AwsSettings(new StaticCredentialsProvider(new AwsCredentials("testing", "testing")), MotoServer.Region, _endpoint),
            new AwsClientOptions
            {
                HttpHandler = Capture, Observer = recorder, Delay = static (_, _) => Task.CompletedTask,
                Retry = retry ?? new AwsRetryOptions(),
            });
        _clients.Add(clients);
        return clients;
    }

    public DeploymentSpec Spec(PackagedApp app, string stage = "dev", string? policy = null) => new()
    {
        AppName = AppName,
        Config = ChaliceConfig.Parse(ConfigJson).ForStage(stage),
        FunctionConfig = function => ChaliceConfig.Parse(ConfigJson).ForStage(stage, function),
        Package = app.Package,
        Manifest = app.Manifest,
        Policy = _ => Task.FromResult(FunctionPolicies.Same(policy ?? Policy)),
    };

    /// <summary>Deploys and returns the result with the calls it made.</summary>
    public async Task<(DeploymentResult Result, AwsCallRecorder Calls)> DeployAsync(DeploymentSpec spec)
    {
        var recorder = new AwsCallRecorder();
        var result = await new Deployer(Clients(recorder), Store).DeployAsync(spec, cancellationToken: TestContext.Current.CancellationToken);
        return (result, recorder);
    }

    public async Task<AwsCallRecorder> DeleteAsync(string stage = "dev")
    {
        var recorder = new AwsCallRecorder();
        await new Deleter(Clients(recorder), Store).DeleteAsync(AppName, stage, cancellationToken: TestContext.Current.CancellationToken);
        return recorder;
    }

    /// <summary>The same app with different code: one more file in the zip, so a new CodeSha256.</summary>
    public PackagedApp WithChangedCode(PackagedApp app)
    {
        var zip = Path.Combine(_appDirectory, "changed.zip");
        File.Copy(app.Package.ZipPath, zip, overwrite: true);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        using (var writer = new StreamWriter(archive.CreateEntry("changed.txt").Open()))
            writer.Write(Guid.NewGuid().ToString());
        var sha = Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip)));
        return app with { Package = app.Package with { ZipPath = zip, CodeSha256 = sha } };
    }

    public void Dispose()
    {
        foreach (var clients in _clients)
            clients.Dispose();
        Capture.Dispose();
        Directory.Delete(_appDirectory, recursive: true);
    }
}
