using System.Net;
using System.Net.Sockets;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// What <c>deploy</c> checks before it builds (a build takes 17-21 s): that the project is an app, and that AWS accepts
/// the credentials at an endpoint it can reach. Each failure is one line, and the app's code (which does not compile)
/// is never built.
/// </summary>
public sealed class DeployPreflightTests
{
    static DeployPreflightTests()
    {
        // The in-process CLI's default credential chain; moto accepts any keys unless told to check them.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    [Fact]
    public async Task The_apps_test_project_is_not_deployed_but_named_as_such_with_the_app_to_deploy_instead()
    {
        var testProject = RepoPaths.InRepo("tests", "Samples.S3Test.Tests");

        var run = await CliRun.RunAsync("deploy", "--project-dir", testProject, "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        var app = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(S3TestPackage.AppDirectory, "S3Test.csproj"));
        Assert.Equal(
            $"error: Samples.S3Test.Tests.csproj is not a Chalice.Net app (it is a test project); it references the app {app}, so pass --project-dir {app}.",
            line);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_missing_project_has_the_same_words_in_deploy_package_and_gen_policy()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chalice-no-such-app-" + Guid.NewGuid().ToString("N"));

        var lines = new[]
        {
            await CliRun.RunAsync("deploy", "--project-dir", missing),
            await CliRun.RunAsync("package", Path.Combine(missing, "out"), "--project-dir", missing),
            await CliRun.RunAsync("gen-policy", "--project-dir", missing),
            await CliRun.RunAsync("local", "--project-dir", missing),
        }.Select(run => (run.ExitCode, Assert.Single(run.ErrorLines)));

        Assert.All(lines, line => Assert.Equal((1, $"error: '{missing}' does not exist; pass the app's folder or its .csproj with --project-dir."), line));
    }

    [Fact]
    public async Task An_endpoint_that_cannot_be_reached_is_one_line_and_stops_the_build()
    {
        using var app = TempApp.Create("""{ "app_name": "demo" }""");
        var closedPort = ClosedPort();

        var run = await CliRun.RunAsync("deploy", "--project-dir", app.Directory, "--endpoint-url", $"http://127.0.0.1:{closedPort}", "--region", "us-east-1");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: Cannot reach AWS at http://127.0.0.1:{closedPort}/ (could not talk to 127.0.0.1:{closedPort}: ", line, StringComparison.Ordinal);
        Assert.EndsWith("); check --endpoint-url, AWS_ENDPOINT_URL and your network.", line, StringComparison.Ordinal);
        AssertNothingWasBuilt(app.Directory);
    }

    [Fact]
    public async Task Credentials_AWS_rejects_are_one_line_and_stop_the_build()
    {
        // moto checks access keys like AWS once INITIAL_NO_AUTH_ACTION_COUNT is 0: "testing" is nobody's key there.
        await using var moto = new MotoServer { ProcessEnvironment = new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0" } };
        await moto.InitializeAsync();
        moto.EnsureAvailable();
        using var app = TempApp.Create("""{ "app_name": "demo" }""");

        var run = await CliRun.RunAsync("deploy", "--project-dir", app.Directory, "--endpoint-url", moto.Endpoint.ToString(), "--region", MotoServer.Region);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: AWS rejected the credentials (InvalidClientTokenId: The security token included in the request is invalid.); check " +
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile (--profile, AWS_PROFILE), or run 'aws sso login'.",
            Assert.Single(run.ErrorLines));
        AssertNothingWasBuilt(app.Directory);
    }

    /// <summary>
    /// The identity check runs beside the build (so right credentials cost a redeploy nothing) and a failed one cancels
    /// it: restore may have started, but no package was made or recorded.
    /// </summary>
    private static void AssertNothingWasBuilt(string appDirectory)
    {
        var obj = Path.Combine(appDirectory, "obj");
        var packages = Directory.Exists(obj)
            ? Directory.EnumerateFiles(obj, "*", SearchOption.AllDirectories).Where(f => f.EndsWith("last-build.json", StringComparison.Ordinal) || f.EndsWith(".zip", StringComparison.Ordinal))
            : [];
        Assert.Empty(packages);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
