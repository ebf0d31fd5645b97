using Chalice.Local.Lambda;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Events;
using Chalice.Local.S3;
using Chalice.Tests;

namespace Chalice.Lambda.Tests;

/// <summary>The seed app's Native AOT bootstrap, with its S3 client pointed at the local S3 stand-in.</summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class S3TestFunctionTests(LambdaPackages packages)
{
    [Fact]
    public async Task Put_then_get_then_missing_key()
    {
        var package = await packages.S3TestAot;
        await using var s3 = await S3StandIn.StartAsync(new S3StandInOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory("s3test-").FullName,
            KnownBuckets = LocalS3Buckets.Of(ChaliceConfig.Load(RepoPaths.InRepo("samples", "S3Test")).ForStage()),
        });
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address, new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = s3.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = "us-east-1",
        });

        var put = await Invoke(runtime, "PUT", "document.json", """{"value1":123}""");
        Assert.Equal(200, put["statusCode"]!.GetValue<int>());
        Assert.Equal("null", put["body"]!.GetValue<string>());

        var get = await Invoke(runtime, "GET", "document.json");
        Assert.Equal(200, get["statusCode"]!.GetValue<int>());
        Assert.Equal("""{"value1":123}""", get["body"]!.GetValue<string>());

        var missing = await Invoke(runtime, "GET", "missing.json");
        Assert.Equal(404, missing["statusCode"]!.GetValue<int>());
        Assert.Equal("""{"Code":"NotFoundError","Message":"missing.json"}""", missing["body"]!.GetValue<string>());
    }

    private static async Task<JsonNode> Invoke(LocalRuntimeApi runtime, string method, string key, string? body = null)
    {
        var payload = ProxyEventJson.Serialize(new ApiGatewayProxyRequest
        {
            Resource = "/objects/{key}",
            Path = "/objects/" + key,
            HttpMethod = method,
            Headers = body is null ? null : new() { ["Content-Type"] = "application/json" },
            PathParameters = new() { ["key"] = key },
            Body = body,
        });
        var result = await runtime.InvokeAsync(payload).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(result.IsError, Encoding.UTF8.GetString(result.Body));
        return JsonNode.Parse(result.Body)!;
    }
}
