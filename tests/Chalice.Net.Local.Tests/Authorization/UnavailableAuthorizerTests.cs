using System.Net;
using Chalice.AuthApp;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// Declared authorizers the local gateway cannot run (a Lambda authorizer outside the app, and a kind the API type does
/// not have): their routes are denied with a warning at start naming why and the way out, unless
/// <c>"local_authorizers": "allow"</c>, which serves each request unauthenticated with a warning of its own. Never
/// served unauthenticated in silence.
/// </summary>
public sealed class UnavailableAuthorizerTests
{
    [Theory]
    [InlineData("/partner", "'partner'", "the Lambda function arn:aws:lambda:us-east-1:123456789012:function:partner-auth, which is not in the app")]
    public async Task A_route_behind_an_authorizer_that_cannot_run_is_denied_with_a_warning_saying_why(string path, string name, string why)
    {
        await using var application = ChaliceApplication.Create<App>();
        var warnings = new List<string>();
        var gateway = BuiltInAuthorizerTests.Gateway(application, new GatewayOptions(), warnings: warnings);

        var response = await gateway.HandleAsync(new GatewayRequest("GET", path, "", [new("Authorization", "anything")], default),
            (json, ct) => application.Dispatcher.DispatchAsync(json, null, ct));

        // What an implicit deny answers (GatewayErrors.AccessDenied): the local gateway cannot know what AWS would.
        Assert.Equal((403, """{"Message":"User is not authorized to access this resource"}"""), (response.StatusCode, System.Text.Encoding.UTF8.GetString(response.Body)));
        var warning = Assert.Single(warnings, w => w.Contains(name, StringComparison.Ordinal));
        Assert.Contains(why, warning, StringComparison.Ordinal);
        Assert.Contains("\"local_authorizers\": \"allow\"", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_local_opt_out_each_request_is_served_with_a_warning()
    {
        await using var application = ChaliceApplication.Create<App>();
        var warnings = new List<string>();
        var gateway = BuiltInAuthorizerTests.Gateway(application, new GatewayOptions { AllowUnavailableAuthorizers = true }, warnings: warnings);
        var atStart = warnings.Count;

        for (var i = 0; i < 2; i++)
        {
            var response = await gateway.HandleAsync(new GatewayRequest("GET", "/partner", "", [], default),
                (json, ct) => application.Dispatcher.DispatchAsync(json, null, ct));
            Assert.Equal(200, response.StatusCode);
        }

        Assert.Equal(2, warnings.Count - atStart);
        Assert.All(warnings.Skip(atStart), w => Assert.Contains("GET /partner is served WITHOUT its authorizer 'partner'", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Cognito_authorizer_behind_an_HTTP_API_cannot_run_and_says_to_use_a_JWT_authorizer()
    {
        await using var application = ChaliceApplication.Create<App>();
        var warnings = new List<string>();
        _ = BuiltInAuthorizerTests.Gateway(application, new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 }, warnings: warnings);

        var warning = Assert.Single(warnings, w => w.Contains("'users'", StringComparison.Ordinal));
        Assert.Contains("Cognito user pool authorizers exist on REST APIs only", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_HTTP_the_emulator_denies_a_custom_authorizers_route_unless_the_config_allows_it()
    {
        await using var enforcing = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<App>(), new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}") });
        await using var allowing = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<App>(),
            new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("""{ "local_authorizers": "allow" }""") });
        using var denied = await EmulatorHarness.Client(enforcing).GetAsync("/partner", TestContext.Current.CancellationToken);
        using var served = await EmulatorHarness.Client(allowing).GetAsync("/partner", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("AccessDeniedException", denied.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
