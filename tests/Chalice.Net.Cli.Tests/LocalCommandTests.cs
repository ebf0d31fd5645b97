using System.Diagnostics;
using System.Runtime.InteropServices;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// <c>chalice-net local</c>: the emulator's own options, passed on to <c>dotnet run --</c>, and where it cannot run the SDK
/// (having found the app from its folder or its project file).
/// </summary>
public sealed class LocalCommandTests
{
    [Fact]
    public async Task The_emulators_options_are_accepted_and_reach_the_emulator()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Chalice.Net.Cli.exe" : "Chalice.Net.Cli"))
        {
            ArgumentList =
            {
                "local", "--project-dir", RepoPaths.InRepo("tests", "TestApps", "TestApp"),
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stage", "qa", "--api", "http", "--timeout", "5", "--aws",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = new List<string>();
        var serving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.Add(e.Data ?? "");
            if (e.Data?.StartsWith("Serving ", StringComparison.Ordinal) == true)
                serving.TrySetResult(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var banner = await serving.Task.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

            Assert.Equal($"Serving testapp (HTTP API, payload 2.0, stage qa) on http://127.0.0.1:{port}/", banner);
            await Task.Delay(200, TestContext.Current.CancellationToken);
            lock (output)
                Assert.Contains("AWS calls go to real AWS", output);
        }
        catch (TimeoutException)
        {
            lock (output)
                Assert.Fail("the emulator did not start:\n" + string.Join('\n', output));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be a number from 0 to 65535, not '70000'.")]
    [InlineData("--api", "soap", "--api must be rest, http or http-v1, not 'soap'.")]
    [InlineData("--timeout", "0", "--timeout must be a number of seconds above 0, at most 900, not '0'.")]
    public async Task A_bad_emulator_option_is_a_usage_error_before_anything_runs(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("local", "--project-dir", RepoPaths.InRepo("tests", "TestApps", "TestApp"), option, value);

        Assert.Equal((2, $"error: {message}"), (run.ExitCode, run.ErrorLines[0]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_dotnet_on_the_path_it_says_so_in_one_line(bool passTheProjectFile)
    {
        var app = Directory.CreateTempSubdirectory("chalice-cli-local-");
        var emptyPath = Directory.CreateTempSubdirectory("chalice-cli-path-");
        try
        {
            var projectFile = Path.Combine(app.FullName, "Demo.csproj");
            File.WriteAllText(projectFile, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
                  <ItemGroup><PackageReference Include="Chalice.Net" Version="0.1.0" /></ItemGroup>
                </Project>
                """);
            // The CLI's own executable (as an installed tool runs) finds the runtime through DOTNET_ROOT; its PATH,
            // where it would look for the SDK's dotnet, is empty.
            var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Chalice.Net.Cli.exe" : "Chalice.Net.Cli"))
            {
                ArgumentList = { "local", "--project", passTheProjectFile ? projectFile : app.FullName },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // No SDK that launched it either (the SDK tells its children where it is in DOTNET_HOST_PATH).
                Environment = { ["PATH"] = emptyPath.FullName, ["DOTNET_ROOT"] = dotnetRoot, ["DOTNET_HOST_PATH"] = null },
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            var lines = (await error).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(1, process.ExitCode);
            Assert.Single(lines);
            Assert.StartsWith("error: Could not start 'dotnet'", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            app.Delete(recursive: true);
            emptyPath.Delete(recursive: true);
        }
    }
}
