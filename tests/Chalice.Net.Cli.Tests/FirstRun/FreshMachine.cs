using System.Diagnostics;
using Chalice.Tests;

namespace Chalice.Cli.Tests.FirstRun;

/// <summary>
/// A user's machine that has only the .NET SDK: a folder outside the repository (no <c>Directory.Build.*</c> or
/// <c>nuget.config</c> above it) with a home of its own, so NuGet reads a clean configuration (nuget.org and nothing
/// else), restores into an empty package cache, and <c>dotnet tool install --global</c> installs into this home's
/// <c>~/.dotnet/tools</c>. Processes started here see none of the variables a test run inherits from MSBuild, NuGet or
/// AWS set-up.
/// </summary>
public sealed class FreshMachine : IDisposable
{
    private static readonly string[] s_leakingVariablePrefixes = ["MSBUILD", "NUGET_", "DOTNET_CLI_HOME", "DOTNET_HOST_PATH", "AWS_"];

    public FreshMachine()
    {
        Root = Directory.CreateTempSubdirectory("chalice-fresh-machine-").FullName;
        Home = Path.Combine(Root, "home");
        Workspace = Path.Combine(Root, "work");
        Directory.CreateDirectory(Workspace);
        var nugetConfig = Path.Combine(Home, ".nuget", "NuGet", "NuGet.Config");
        Directory.CreateDirectory(Path.GetDirectoryName(nugetConfig)!);
        // What NuGet writes on its first run.
        File.WriteAllText(nugetConfig, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        AssertNothingOfARepositoryAbove(Workspace);
    }

    public string Root { get; }

    /// <summary>The user's home: NuGet's configuration and package cache, the global tools.</summary>
    public string Home { get; }

    /// <summary>Where the user works (creates apps).</summary>
    public string Workspace { get; }

    /// <summary>Where <c>dotnet tool install --global</c> puts a tool's command.</summary>
    public string GlobalTool(string command) => Path.Combine(Home, ".dotnet", "tools", command);

    /// <summary>A process as the user's shell would start it here.</summary>
    public ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(IsLeaking).ToArray())
            start.Environment.Remove(name);
        start.Environment["HOME"] = Home;
        start.Environment["NUGET_PACKAGES"] = Path.Combine(Home, ".nuget", "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["PATH"] = Path.Combine(Home, ".dotnet", "tools") + Path.PathSeparator + start.Environment["PATH"];
        return start;
    }

    /// <summary>Runs a command to its end; fails the test, with what it printed, when it fails.</summary>
    public async Task<string> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = StartInfo(program, arguments, workingDirectory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}) in {workingDirectory}:\n{await output}\n{await error}");
        return await output;
    }

    /// <summary>NuGet and MSBuild read these files from every folder above a project.</summary>
    private static void AssertNothingOfARepositoryAbove(string directory)
    {
        string[] inherited = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config", "global.json"];
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var found = dir.EnumerateFiles().Where(f => inherited.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).Select(f => f.FullName).ToArray();
            Assert.True(found.Length == 0, $"{directory} is not outside a repository: {string.Join(", ", found)}");
        }
        Assert.False(directory.StartsWith(RepoPaths.Root, StringComparison.Ordinal), $"{directory} is inside the repository");
    }

    private static bool IsLeaking(string name) =>
        s_leakingVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
