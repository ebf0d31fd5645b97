using System.Net;

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
}
