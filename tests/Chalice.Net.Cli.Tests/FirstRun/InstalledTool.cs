using Chalice.Tests;

namespace Chalice.Cli.Tests.FirstRun;

/// <summary>
/// The README's install steps, once per test class: the tool packed from this repository into a feed, then installed
/// on a <see cref="FreshMachine"/> from that feed with <c>dotnet tool install --global</c>.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    /// <summary>The README's commands, which the tests run with a feed and a version of their own.</summary>
    public const string PackCommand = "dotnet pack tools/Chalice.Net.Cli -c Release -o ./feed";

    public const string InstallCommand = "dotnet tool install --global Chalice.Net.Cli --add-source ./feed";

    public FreshMachine Machine { get; } = new();

    /// <summary>A version of its own, so that no package an earlier run left in a cache can stand in for this build's.</summary>
    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public string Feed => Path.Combine(Machine.Root, "feed");

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; private set; } = "";

    /// <summary>The installed <c>chalice-net</c> command.</summary>
    public string Command => Machine.GlobalTool("chalice-net");

    public async ValueTask InitializeAsync()
    {
        // Packed as this repository's developer packs it, with the repository's NuGet set-up, but into folders of its
        // own: the repository's bin/ and obj/ stay as other test runs left them.
        var (exitCode, output, error) = await ExternalTool.RunAsync("dotnet",
            ["pack", RepoPaths.InRepo("tools", "Chalice.Net.Cli"), "-c", "Release", "-o", Feed,
             "--artifacts-path", Path.Combine(Machine.Root, "artifacts"), $"-p:Version={Version}", "-nologo"],
            RepoPaths.Root);
        Assert.True(exitCode == 0, $"dotnet pack failed ({exitCode}):\n{output}\n{error}");
        PackOutput = output + error;

        // A prerelease version needs --version; 0.1.0 (the README's) does not.
        await Machine.RunAsync("dotnet", ["tool", "install", "--global", "Chalice.Net.Cli", "--add-source", Feed, "--version", Version], Machine.Workspace);
    }

    public ValueTask DisposeAsync()
    {
        Machine.Dispose();
        return ValueTask.CompletedTask;
    }
}
