using Amazon.Runtime;
using Amazon.S3;
using Chalice.Configuration;
using Chalice.Local.S3;
using Chalice.Testing;
using Chalice.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.S3Test.Tests;

/// <summary>The sample through the in-memory test client, with its S3 client replaced by one aimed at the stand-in.</summary>
public sealed class InMemoryTests
{
    [Fact]
    public async Task Put_get_and_missing_key_through_the_test_client()
    {
        // The buckets the sample declares for the emulator: without them its bucket would not exist, as on AWS.
        var buckets = LocalS3Buckets.Of(ChaliceConfig.Load(RepoPaths.InRepo("samples", "S3Test")).ForStage());
        await using var s3 = await S3StandIn.StartAsync(new S3StandInOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory("s3-").FullName,
            KnownBuckets = buckets,
        });
        var client = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = s3.Endpoint.ToString(), ForcePathStyle = true });
        await using var app = ChaliceTestClient.Create<global::S3Test.App>(services => services.AddSingleton<IAmazonS3>(client));

        var put = await app.PutAsync("/objects/document.json", body: """{"value1":123}""");
        Assert.Equal(200, put.StatusCode);
        Assert.Equal("null", put.BodyText);

        var get = await app.GetAsync("/objects/document.json");
        Assert.Equal(200, get.StatusCode);
        Assert.Equal("""{"value1":123}""", get.BodyText);

        var missing = await app.GetAsync("/objects/missing.json");
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("""{"Code":"NotFoundError","Message":"missing.json"}""", missing.BodyText);
    }
}
