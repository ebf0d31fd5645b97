using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Chalice.Events;
using Chalice.Hosting;
using Chalice.Local;
using Chalice.Local.Lambda;
using Chalice.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Lambda.Tests;

/// <summary>
/// The DI acceptance app (tests/TestApps/ServicesApp: AddLogging, AddOptions, AddHttpClient, AddAWSService, keyed and
/// enumerable services, injected into the constructor and handlers) served the three ways an app runs: the in-memory test
/// client, the local emulator, and the published Native AOT bootstrap under a local Lambda Runtime API.
/// </summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class ServicesAppTests(LambdaPackages packages)
{
    private static readonly string[] s_paths = ["/constructor", "/handler", "/scope", "/scope"];

    [Fact]
    public async Task Serves_through_the_test_client()
    {
        // The app's own AddAWSService<IAmazonS3>() builds the client; the test supplies the AWS options it reads (with
        // credentials, so that the SDK never searches for any, which would end at the EC2 metadata endpoint).
        await using var client = ChaliceTestClient.Create<ServicesApp.App>(services => services.AddDefaultAWSOptions(
            new AWSOptions { Region = RegionEndpoint.EUCentral1, Credentials = new BasicAWSCredentials("test", "test") }));
        var bodies = new List<JsonObject>();
        foreach (var path in s_paths)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(200, response.StatusCode);
            bodies.Add(response.Json!.AsObject());
        }
        AssertServed(bodies, s3Region: "eu-central-1");
    }

    [Fact]
    public async Task Serves_through_the_emulator()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-services-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".chalice"));
        await File.WriteAllTextAsync(Path.Combine(folder, ".chalice", "config.json"), "{}");
        await using var emulator = await LocalEmulator.StartAsync(
            Definition<ServicesApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var bodies = new List<JsonObject>();
        foreach (var path in s_paths)
            bodies.Add(JsonNode.Parse(await http.GetStringAsync(path))!.AsObject());
        // The emulator points the SDK at its stand-ins and, with no region configured, at us-east-1.
        AssertServed(bodies, s3Region: Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")!);
    }

    [Fact]
    public async Task Serves_as_the_native_AOT_bootstrap()
    {
        var package = await packages.ServicesAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address, new Dictionary<string, string>
        {
            ["AWS_REGION"] = "ap-southeast-2",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
        });

        var bodies = new List<JsonObject>();
        foreach (var path in s_paths)
        {
            var result = await runtime.InvokeAsync(RestEvent(path)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(result.IsError, Encoding.UTF8.GetString(result.Body));
            var response = JsonNode.Parse(result.Body)!;
            Assert.Equal(200, response["statusCode"]!.GetValue<int>());
            bodies.Add(JsonNode.Parse(response["body"]!.GetValue<string>())!.AsObject());
        }
        AssertServed(bodies, s3Region: "ap-southeast-2");

        // The handler's ILogger<App> writes Lambda's JSON format with the invocation's request id.
        await runtime.InvokeAsync(RestEvent("/log/from-aot"), requestId: "services-req-9").WaitAsync(TimeSpan.FromSeconds(30));
        var line = Assert.Single(await function.WaitForOutputAsync(l => l.Contains("from-aot")));
        var entry = JsonNode.Parse(line)!;
        Assert.Equal(("Information", "services-req-9", "Handled from-aot"),
            (entry["level"]!.GetValue<string>(), entry["requestId"]!.GetValue<string>(), entry["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_native_AOT_build_has_no_trim_or_AOT_warnings() =>
        Assert.Empty((await packages.ServicesAppAot).BuildWarnings);

    /// <summary>
    /// A constructor service nobody registered: the init error Lambda records, and the function's log, are one line
    /// naming the service and the fix, with no stack trace.
    /// </summary>
    [Fact]
    public async Task A_constructor_service_nobody_registered_is_one_line_at_init()
    {
        const string problem =
            "The app 'servicesapp' takes IAmazonS3 in its constructor, but no service is registered for IAmazonS3: " +
            "register it in ConfigureServices (for example services.AddSingleton<IAmazonS3>(...)).";
        var package = await packages.ServicesAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address,
            new Dictionary<string, string> { ["SERVICESAPP_FORGET_S3"] = "1" });

        var initError = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));
        var error = JsonNode.Parse(initError.Body)!;
        Assert.Equal("ServiceConfigurationException", error["errorType"]!.GetValue<string>());
        Assert.Equal(problem, error["errorMessage"]!.GetValue<string>());
        Assert.True(await function.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.NotEqual(0, function.ExitCode);
        var logged = Assert.Single(function.Output);
        Assert.EndsWith($"\t\tfail\t{problem}", logged);

        // The in-memory test client fails the same way, with the same line.
        Environment.SetEnvironmentVariable("SERVICESAPP_FORGET_S3", "1");
        try
        {
            var thrown = Assert.Throws<ServiceConfigurationException>(() => ChaliceApplication.Create<ServicesApp.App>());
            Assert.Equal(problem, thrown.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SERVICESAPP_FORGET_S3", null);
        }
    }

    /// <summary>What every host must answer for <see cref="s_paths"/>.</summary>
    private static void AssertServed(List<JsonObject> bodies, string s3Region)
    {
        var constructor = bodies[0];
        Assert.Equal("Hello", constructor["greeting"]!.GetValue<string>());
        Assert.Equal("https://catalog.example.com/v2/", constructor["catalog"]!.GetValue<string>());
        Assert.Equal(s3Region, constructor["s3Region"]!.GetValue<string>());
        Assert.Equal("primary", constructor["store"]!.GetValue<string>());
        Assert.Equal(["email", "sms"], constructor["notifiers"]!.AsArray().Select(n => n!.GetValue<string>()));

        var handler = bodies[1];
        Assert.Equal("Hello", handler["greeting"]!.GetValue<string>());
        Assert.Equal("https://weather.example.com/", handler["weather"]!.GetValue<string>());
        Assert.Equal("archive", handler["store"]!.GetValue<string>());
        Assert.Equal(2, handler["notifiers"]!.GetValue<int>());
        Assert.True(handler["sameS3Client"]!.GetValue<bool>());

        var (first, second) = (bodies[2], bodies[3]);
        Assert.True(first["same"]!.GetValue<bool>());
        Assert.True(second["same"]!.GetValue<bool>());
        Assert.NotEqual(first["first"]!.GetValue<string>(), second["first"]!.GetValue<string>());
    }

    private static ChaliceAppDefinition Definition<TApp>() where TApp : IChaliceApp => TApp.Definition;

    private static byte[] RestEvent(string path) => ProxyEventJson.Serialize(new ApiGatewayProxyRequest
    {
        Resource = path,
        Path = path,
        HttpMethod = "GET",
        RequestContext = new ProxyRequestContext { ResourcePath = path, HttpMethod = "GET", Stage = "api" },
    });
}
