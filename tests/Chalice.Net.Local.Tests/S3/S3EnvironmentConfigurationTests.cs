using Amazon.S3;
using Amazon.S3.Model;

namespace Chalice.Local.Tests.S3;

/// <summary>Tests that change process-wide environment variables run alone, never beside another test.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// The emulator configures the app's SDK clients only through the environment. These tests prove that an
/// unconfigured <c>new AmazonS3Client()</c>, as app code writes it, reaches the stand-in that way.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class S3EnvironmentConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unconfigured_client_works_through_aws_endpoint_url_s3_at_the_loopback_address()
    {
        await using var session = await S3StandInSession.StartAsync("ippevent-public");
        // An IP-address endpoint makes the SDK address buckets path-style by itself; with "localhost" it would use
        // virtual-host style (bucket.localhost), which not every resolver answers.
        using var environment = new EnvironmentOverride(new()
        {
            ["AWS_ENDPOINT_URL_S3"] = session.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_REGION"] = "us-east-1",
        });

        using var s3 = new AmazonS3Client();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "ippevent-public", Key = "objects/k", ContentBody = "{\"a\":1}" }, Ct);
        using var response = await s3.GetObjectAsync("ippevent-public", "objects/k", Ct);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal("{\"a\":1}", await reader.ReadToEndAsync(Ct));
        Assert.True(File.Exists(Path.Combine(session.DataDirectory, "ippevent-public", "bucket.json")));
    }

    /// <summary>Sets environment variables for the lifetime of the object, then restores the previous values.</summary>
    private sealed class EnvironmentOverride : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = [];

        public EnvironmentOverride(Dictionary<string, string> values)
        {
            foreach (var (name, value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
                Environment.SetEnvironmentVariable(name, value);
        }
    }
}
