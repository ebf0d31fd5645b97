using System.Text;
using System.Text.Json.Nodes;
using Chalice.Gateway;

namespace Chalice.Local.Tests;

/// <summary>
/// <c>dotnet run</c> serves the API the stage deploys (its <c>"api_gateway_type"</c>), so the function receives the
/// event the deployed API would send; <c>--api</c> still overrides it.
/// </summary>
public sealed class StageApiTypeTests
{
    // Payload 2.0 events carry "version": "2.0"; payload 1.0 events "version": "1.0" on HTTP APIs and none on REST APIs
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, and the
    // recorded events in shared/fixtures/events).
    [Theory]
    [InlineData("""{ "stages": { "dev": { "api_gateway_type": "http" } } }""", null, ApiGatewayType.HttpPayloadV2, "2.0")]
    [InlineData("""{ "api_gateway_type": "http-v1" }""", null, ApiGatewayType.HttpPayloadV1, "1.0")]
    [InlineData("""{}""", null, ApiGatewayType.Rest, null)]
    [InlineData("""{ "stages": { "dev": { "api_gateway_type": "http" } } }""", ApiGatewayType.Rest, ApiGatewayType.Rest, null)]
    [InlineData("""{ "api_gateway_type": "rest" }""", ApiGatewayType.HttpPayloadV2, ApiGatewayType.HttpPayloadV2, "2.0")]
    public async Task The_emulator_serves_the_API_type_of_the_stage_unless_the_api_option_says_otherwise(
        string config, ApiGatewayType? apiOption, ApiGatewayType served, string? eventVersion)
    {
        JsonNode? received = null;
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(),
            new EmulatorOptions { Port = 0, ApiType = apiOption, ProjectDirectory = EmulatorHarness.AppFolder(config) },
            function: (eventJson, _) =>
            {
                received = JsonNode.Parse(eventJson.Span);
                return ValueTask.FromResult(Encoding.UTF8.GetBytes("""{"statusCode": 200, "body": "ok"}"""));
            });
        using var client = EmulatorHarness.Client(emulator);

        using var response = await client.GetAsync("/users/7");

        Assert.Equal(served, emulator.ApiType);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal(eventVersion, received!["version"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_unreadable_API_type_stops_the_emulator_with_the_key_named()
    {
        var error = await Assert.ThrowsAsync<Chalice.Configuration.ChaliceConfigException>(() => LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(),
            new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("""{ "api_gateway_type": "soap" }""") }));

        Assert.Contains("\"api_gateway_type\" must be \"rest\" or \"http\" or \"http-v1\", not \"soap\"", error.Message, StringComparison.Ordinal);
    }
}
