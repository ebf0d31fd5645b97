using System.Net;
using Chalice.AuthApp;
using Chalice.Gateway;
using Chalice.Testing;

namespace Chalice.Local.Tests.ApiKeys;

/// <summary>
/// A route with <c>ApiKeyRequired</c> (AuthApp's <c>/partners</c>) answers as API Gateway does: served with one of the
/// stage's keys in <c>x-api-key</c>, else 403 <c>{"message":"Forbidden"}</c> with <c>ForbiddenException</c> (the sources
/// are on GatewayErrors.InvalidApiKey), through the test client and the emulator alike; the emulator's keys come from
/// the config's <c>api_keys</c>.
/// </summary>
public sealed class ApiKeyTests
{
    private static readonly GatewayOptions s_withKey = new() { ApiKeys = ["partner-key-0123456789abcdef"] };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("another-key-0123456789abcdef")]
    [InlineData("PARTNER-KEY-0123456789ABCDEF")]
    public async Task A_missing_or_unknown_key_is_forbidden(string? key)
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_withKey);

        var response = await client.GetAsync("/partners", key is null ? null : [new("x-api-key", key)]);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", response.BodyText);
        Assert.Equal("ForbiddenException", response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_configured_key_is_served_and_routes_without_the_option_need_none()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: s_withKey);

        var allowed = await client.GetAsync("/partners", [new("X-Api-Key", "partner-key-0123456789abcdef")]);
        var open = await client.GetAsync("/public");

        Assert.Equal((200, """{"partner":true}"""), (allowed.StatusCode, allowed.BodyText));
        Assert.Equal(200, open.StatusCode);
    }

    [Fact]
    public async Task A_stage_without_keys_forbids_every_call_of_a_route_that_requires_one()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/partners", [new("x-api-key", "anything-at-all-0123456789")]);

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task The_emulator_accepts_the_configs_keys_by_their_variable_or_local_value()
    {
        const string Variable = "CHALICE_LOCAL_TESTS_PARTNER_KEY";
        Environment.SetEnvironmentVariable(Variable, "from-the-environment-0123456789");
        try
        {
            await using var emulator = await LocalEmulator.StartAsync(EmulatorHarness.Definition<App>(), new EmulatorOptions
            {
                Port = 0,
                ProjectDirectory = EmulatorHarness.AppFolder($$"""
                    { "api_keys": [{ "name": "partner", "value_env": "{{Variable}}" }, { "name": "dev", "local_value": "local-only-value-0123456789" }] }
                    """),
            });
            using var http = EmulatorHarness.Client(emulator);

            using var missing = await http.GetAsync("/partners");
            using var wrong = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/partners") { Headers = { { "x-api-key", "local-only-value" } } });
            using var fromVariable = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/partners")
            {
                Headers = { { "x-api-key", "from-the-environment-0123456789" } },
            });
            using var local = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/partners") { Headers = { { "x-api-key", "local-only-value-0123456789" } } });

            Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
            Assert.Equal("""{"message":"Forbidden"}""", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal("ForbiddenException", missing.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.OK, fromVariable.StatusCode);
            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void A_key_without_a_local_value_is_said_once()
    {
        List<string> warnings = [];

        var values = LocalApiKeys.Values(
            [new("partner", "UNSET_VARIABLE", null), new("dev", null, "local-only-value-0123456789")], _ => null, warnings.Add);

        Assert.Equal(["local-only-value-0123456789"], values);
        Assert.Equal(
            ["the API key 'partner' has no value here: set UNSET_VARIABLE or its \"local_value\" in .chalice/config.json to call routes that require a key with it."],
            warnings);
    }
}
