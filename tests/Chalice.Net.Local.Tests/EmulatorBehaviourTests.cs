using System.Net;
using System.Text.Json.Nodes;

namespace Chalice.Local.Tests;

public sealed class EmulatorBehaviourTests
{
    [Fact]
    public async Task Two_hundred_concurrent_requests_each_get_their_own_request_back()
    {
        await using var emulator = await EmulatorHarness.StartTestAppAsync();
        using var client = EmulatorHarness.Client(emulator);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var user = JsonNode.Parse(await client.GetStringAsync($"/users/{i}"))!;
            var echoed = JsonNode.Parse(await client.GetStringAsync($"/request?q={i}"))!;
            return (i, user: user["id"]!.GetValue<int>(), query: echoed["query"]!.GetValue<string>());
        }));

        foreach (var (i, user, query) in results)
        {
            Assert.Equal(i, user);
            Assert.Equal(i.ToString(), query);
        }
    }

    [Fact]
    public async Task A_handler_past_the_timeout_is_504_and_the_emulator_keeps_serving()
    {
        await using var emulator = await EmulatorHarness.StartTestAppAsync(new EmulatorOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        using var client = EmulatorHarness.Client(emulator);

        using var slow = await client.GetAsync("/slow/5000");
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.Equal("""{"message": "Endpoint request timed out"}""", await slow.Content.ReadAsStringAsync());

        Assert.Equal("static", await client.GetStringAsync("/static"));
        Assert.Equal("done", await client.GetStringAsync("/slow/10"));
    }

    [Fact]
    public async Task HTTP_API_mode_serves_payload_two_with_its_own_errors()
    {
        await using var emulator = await EmulatorHarness.StartTestAppAsync(new EmulatorOptions { ApiType = Gateway.ApiGatewayType.HttpPayloadV2, Timeout = TimeSpan.FromMilliseconds(500) });
        using var client = EmulatorHarness.Client(emulator);

        using var cookies = await client.GetAsync("/cookies");
        Assert.Equal(["a=1", "b=2"], cookies.Headers.GetValues("Set-Cookie"));
        Assert.NotNull(cookies.Headers.GetValues("Apigw-Requestid").Single());

        using var unknown = await client.GetAsync("/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await unknown.Content.ReadAsStringAsync());

        using var failure = await client.GetAsync("/unencodable");
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await failure.Content.ReadAsStringAsync());

        using var slow = await client.GetAsync("/slow/5000");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
    }

    [Fact]
    public async Task Requests_carry_no_hosting_activity_or_log_scope()
    {
        // The emulator keeps its own access log; ASP.NET Core's request logging would cost an Activity per request.
        await using var emulator = await EmulatorHarness.StartTestAppAsync();
        using var client = EmulatorHarness.Client(emulator);
        Assert.Equal("none", await client.GetStringAsync("/activity"));
    }

    [Fact]
    public async Task The_stages_environment_variables_are_set_before_the_app_is_built()
    {
        var folder = EmulatorHarness.AppFolder("""{ "stages": { "qa": { "environment_variables": { "CHALICE_EMULATOR_TEST": "from-qa" } } } }""");
        await using var emulator = await Chalice.Local.LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(),
            new EmulatorOptions { Port = 0, Stage = "qa", ProjectDirectory = folder });
        Assert.Equal("from-qa", Environment.GetEnvironmentVariable("CHALICE_EMULATOR_TEST"));
    }

    [Theory]
    [InlineData(new[] { "--port" }, "--port needs a value.")]
    [InlineData(new[] { "--port", "70000" }, "--port must be a number from 0 to 65535, not '70000'.")]
    [InlineData(new[] { "--api", "soap" }, "--api must be rest, http or http-v1, not 'soap'.")]
    [InlineData(new[] { "--timeout", "-1" }, "--timeout must be a number of seconds above 0, at most 900, not '-1'.")]
    [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'.")]
    public void Bad_arguments_are_explained(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(args));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Arguments_parse()
    {
        var options = EmulatorOptions.Parse(["--host", "0.0.0.0", "--port", "9000", "--stage", "prod", "--api", "http", "--timeout", "2.5", "--aws"]);
        Assert.Equal(new EmulatorOptions
        {
            Host = "0.0.0.0",
            Port = 9000,
            Stage = "prod",
            ApiType = Gateway.ApiGatewayType.HttpPayloadV2,
            Timeout = TimeSpan.FromSeconds(2.5),
            UseRealAws = true,
        }, options);
    }
}
