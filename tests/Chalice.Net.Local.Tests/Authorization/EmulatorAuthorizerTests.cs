using System.Net;
using System.Text.Json.Nodes;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Project.LocalTokens;

namespace Chalice.Local.Tests.Authorization;

/// <summary>The emulator runs the app's authorizers over HTTP exactly as the test client does.</summary>
public sealed class EmulatorAuthorizerTests
{
    [Fact]
    public async Task The_emulator_enforces_the_apps_authorizer_over_HTTP()
    {
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.AuthApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}") });
        using var http = EmulatorHarness.Client(emulator);

        using var missing = await http.GetAsync("/orders");
        using var allowed = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/orders") { Headers = { { "Authorization", "allow" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await missing.Content.ReadAsStringAsync());
        Assert.Equal("UnauthorizedException", missing.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("""{"authorizer":{"principalId":"user-1","tier":"gold"}}""", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_an_HTTP_API_the_emulator_runs_a_simple_response_authorizer_over_HTTP()
    {
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.AuthApp.App>(),
            new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}"), ApiType = ApiGatewayType.HttpPayloadV2 });
        using var http = EmulatorHarness.Client(emulator);

        using var allowed = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/keys") { Headers = { { "X-Key", "open-sesame" } } });
        using var refused = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/keys") { Headers = { { "X-Key", "guess" } } });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("""{"authorizer":{"lambda":{"tier":"silver"}}}""", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_emulator_checks_Cognito_tokens_signed_with_the_apps_local_key_over_HTTP()
    {
        var folder = EmulatorHarness.AppFolder("{}");
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.AuthApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });
        using var http = EmulatorHarness.Client(emulator);
        // What chalice-net token prints: a token of the key the emulator made under .chalice/local/.
        Assert.True(File.Exists(Path.Combine(folder, LocalSigningKey.RelativePath)));
        using var key = LocalSigningKey.ForApp(folder);
        var issuer = LocalTokenIssuer.ForCognito(["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"]);
        var token = issuer.Issue(key, "alice", ["admin"], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var expired = issuer.Issue(key, "alice", [], [], TimeSpan.FromHours(-1), DateTimeOffset.UtcNow);
        using var otherKey = LocalSigningKey.Create();
        var foreign = issuer.Issue(otherKey, "alice", [], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        using var allowed = await SendAsync(http, "/profile", token);
        using var missing = await SendAsync(http, "/profile", null);
        using var late = await SendAsync(http, "/profile", expired);
        using var signedElsewhere = await SendAsync(http, "/profile", foreign);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var claims = JsonNode.Parse(await allowed.Content.ReadAsStringAsync())!["authorizer"]!["claims"]!;
        Assert.Equal(("alice", "[admin]"), (claims["cognito:username"]!.GetValue<string>(), claims["cognito:groups"]!.GetValue<string>()));
        foreach (var (response, body) in new[] { (missing, """{"message":"Unauthorized"}"""), (late, """{"message":"The incoming token has expired"}"""),
                     (signedElsewhere, """{"message":"Unauthorized"}""") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
            Assert.Equal("UnauthorizedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        }
    }

    [Fact]
    public async Task The_emulator_of_an_HTTP_API_checks_JWTs_over_HTTP()
    {
        var folder = EmulatorHarness.AppFolder("{}");
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.AuthApp.App>(),
            new EmulatorOptions { Port = 0, ProjectDirectory = folder, ApiType = ApiGatewayType.HttpPayloadV2 });
        using var http = EmulatorHarness.Client(emulator);
        using var key = LocalSigningKey.ForApp(folder);
        var issuer = LocalTokenIssuer.ForJwt("https://issuer.example.com/", ["orders-api"]);

        using var allowed = await SendAsync(http, "/jwt", "Bearer " + issuer.Issue(key, "bob", [], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        using var wrongAudience = await SendAsync(http, "/jwt",
            "Bearer " + issuer.Issue(key, "bob", [], [new("aud", "other")], TimeSpan.FromHours(1), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("bob", JsonNode.Parse(await allowed.Content.ReadAsStringAsync())!["authorizer"]!["jwt"]!["claims"]!["sub"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await wrongAudience.Content.ReadAsStringAsync());
        Assert.Equal("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"",
            wrongAudience.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_app_without_token_authorizers_gets_no_signing_key()
    {
        var folder = EmulatorHarness.AppFolder("{}");
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<Chalice.TestApp.App>(), new EmulatorOptions { Port = 0, ProjectDirectory = folder });

        Assert.False(File.Exists(Path.Combine(folder, LocalSigningKey.RelativePath)));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return http.SendAsync(request);
    }
}
