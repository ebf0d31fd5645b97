using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Chalice.Cli.Tests;

/// <summary><c>chalice-net local</c> where it cannot run the SDK (having found the app from its folder or its project file).</summary>
public sealed class LocalCommandTests
{
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
            File.WriteAllText(projectFile, "<Project />");
            // The CLI's own executable (as an installed tool runs) finds the runtime through DOTNET_ROOT; its PATH,
            // where it would look for the SDK's dotnet, is empty.
            var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Chalice.Net.Cli.exe" : "Chalice.Net.Cli"))
            {
                ArgumentList = { "local", "--project", passTheProjectFile ? projectFile : app.FullName },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PATH"] = emptyPath.FullName, ["DOTNET_ROOT"] = dotnetRoot },
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
