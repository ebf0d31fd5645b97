using System.Buffers.Text;
using System.Text.Json.Nodes;
using Chalice.Project.LocalTokens;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net token</c> on tests/TestApps/AuthApp (a Cognito user pool and a JWT authorizer, among others): the
/// token alone on standard output, signed with the app's local key, which the emulator verifies with; mistakes are one
/// line. (The tests build the same app, one after another.)
/// </summary>
public sealed class TokenCommandTests
{
    private static readonly string s_app = RepoPaths.InRepo("tests", "TestApps", "AuthApp");

    [Fact]
    public async Task A_Cognito_ID_token_of_the_apps_key()
    {
        var run = (await CliRun.RunAsync("token", "--user", "alice", "--group", "admin", "--group", "editors", "--claim", "email=a@example.com",
            "--authorizer", "users", "--project-dir", s_app)).Succeeded();

        var token = run.Output.TrimEnd('\n');
        using var key = LocalSigningKey.ForApp(s_app);
        var (claims, problem, _) = JsonWebToken.Verify(token, key, DateTimeOffset.UtcNow);
        Assert.Null(problem);
        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123", claims!["iss"]!.GetValue<string>());
        Assert.Equal(("alice", "id", LocalTokenIssuer.LocalClientId), (claims["cognito:username"]!.GetValue<string>(),
            claims["token_use"]!.GetValue<string>(), claims["aud"]!.GetValue<string>()));
        Assert.Equal("""["admin","editors"]""", claims["cognito:groups"]!.ToJsonString());
        Assert.Equal("a@example.com", claims["email"]!.GetValue<string>());
        Assert.InRange(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), 3600, 3600);
        Assert.Contains("send it to the local emulator as 'Authorization: <token>'", run.Error);
    }

    [Fact]
    public async Task A_JWT_for_the_authorizers_issuer_and_first_audience_lasting_as_asked()
    {
        var run = (await CliRun.RunAsync("token", "--user", "bob", "--authorizer", "jwt", "--expires", "10m", "--project-dir", s_app)).Succeeded();

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(run.Output.TrimEnd('\n').Split('.')[1]))!;
        Assert.Equal(("https://issuer.example.com/", "orders-api", "bob"),
            (payload["iss"]!.GetValue<string>(), payload["aud"]!.GetValue<string>(), payload["sub"]!.GetValue<string>()));
        Assert.Equal(600, payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>());
        Assert.Contains("'Authorization: Bearer <token>'", run.Error);
    }

    [Theory]
    [InlineData(new[] { "--user", "bob" }, "error: The app has several authorizers that take tokens (users, jwt); choose one with --authorizer.")]
    [InlineData(new[] { "--user", "bob", "--authorizer", "iam" },
        "error: The authorizer 'iam' takes no token (it is not a Cognito user pool or JWT authorizer); those of the app are users, jwt.")]
    [InlineData(new[] { "--user", "bob", "--authorizer", "nobody" }, "error: The app declares no authorizer 'nobody'; those that take tokens are users, jwt.")]
    [InlineData(new[] { "--user", "bob", "--authorizer", "users", "--expires", "2d" },
        "error: --expires 2.00:00:00 is longer than a Cognito ID token lives (1 day at most).")]
    [InlineData(new[] { "--user", "bob", "--authorizer", "users", "--claim", "novalue" }, "error: --claim must be NAME=VALUE, not 'novalue'.")]
    public async Task A_mistake_is_one_line(string[] arguments, string line)
    {
        var run = await CliRun.RunAsync(["token", .. arguments, "--project-dir", s_app]);

        Assert.Equal((2, ""), (run.ExitCode, run.Output));
        Assert.Equal([line], run.ErrorLines);
    }

    [Fact]
    public async Task An_unreadable_duration_is_refused_before_anything_is_built()
    {
        var run = await CliRun.RunAsync("token", "--user", "bob", "--expires", "soon", "--project-dir", s_app);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--expires must be a number and a unit (30s, 10m, 1h, 2d, 1w), not 'soon'.", run.Error);
    }

    [Fact]
    public async Task Help_says_what_it_prints_and_how_to_send_it()
    {
        var run = (await CliRun.RunAsync("token", "--help")).Succeeded();

        Assert.Contains("--user", run.Output);
        Assert.Contains("--authorizer", run.Output);
        Assert.Contains("a JWT after 'Bearer '", run.Output);
    }
}
