using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chalice.Tests;

namespace Chalice.Local.Tests;

/// <summary>
/// The test app run as <c>dotnet run</c> runs it (its own process, its console output as the user sees it): what it
/// prints when it cannot start, and what it prints about a config it serves despite.
/// </summary>
public sealed class EmulatorProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chalice-emulator-").FullName;

    [Fact]
    public async Task A_port_in_use_is_one_line_that_suggests_another_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output, error) = await RunToExitAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--project-dir", _folder);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output.Trim());
        Assert.Equal(
            $"error: 127.0.0.1:{port} is already in use; stop what listens there, or pick another port with --port (--port 0 picks a free one).",
            error.Trim());
    }

    [Fact]
    public async Task Config_problems_a_deploy_would_stop_at_are_warnings_and_the_app_is_served()
    {
        WriteConfig("""{ "lambda_timout": 30, "automatic_layer": true, "stages": { "dev": { "lambda_memory_size": 64 } } }""");
        var port = FreePort.Next();
        var config = Path.Combine(_folder, ".chalice", "config.json");

        using var process = Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--project-dir", _folder);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await GetWhenServingAsync(http, "/", process);

            Assert.Equal(HttpStatusCode.OK, response);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                $"warning: {config}: unknown setting \"lambda_timout\"; did you mean \"lambda_timeout\"?",
                $"warning: {config}: \"automatic_layer\" is a Chalice setting that Chalice.Net does not support yet; remove it (a deploy without it would not be what the file asks for)",
                $"warning: {config}: \"lambda_memory_size\" in stages.dev must be an integer from 128 to 10240 (MB), not 64",
            ],
            error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_setting_the_emulator_uses_must_be_right_or_it_does_not_start()
    {
        WriteConfig("""{ "environment_variables": { "PORT": 8080 } }""");

        var (exitCode, _, error) = await RunToExitAsync("--port", "0", "--project-dir", _folder);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: {Path.Combine(_folder, ".chalice", "config.json")}: \"environment_variables\" must be an object of strings, but \"PORT\" is 8080",
            error.Trim());
    }

    [Fact]
    public async Task A_bad_option_is_one_line_pointing_at_help()
    {
        var (exitCode, _, error) = await RunToExitAsync("--api", "soap");

        Assert.Equal((2, "error: --api must be rest, http or http-v1, not 'soap'. (--help lists the options)"), (exitCode, error.Trim()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteConfig(string json)
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".chalice"));
        File.WriteAllText(Path.Combine(_folder, ".chalice", "config.json"), json);
    }

    /// <summary>The test app, built beside these tests, started with <c>dotnet TestApp.dll</c> as <c>dotnet run</c> would.</summary>
    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TestApp.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Real AWS is never asked for here; the stand-in needs no credentials.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToArray())
            start.Environment.Remove(name);
        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<HttpStatusCode> GetWhenServingAsync(HttpClient http, string path, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited)
                Assert.Fail("the emulator exited: " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var response = await http.GetAsync(path);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("the emulator did not answer within a minute");
    }
}
