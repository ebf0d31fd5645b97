using Chalice.Cli.Scaffolding;

namespace Chalice.Cli.Tests;

/// <summary><c>chalice-net new</c> in-process. (What it writes, restored and run on a fresh machine: ToolInstallTests.)</summary>
public sealed class NewCommandTests
{
    [Fact]
    public async Task Without_the_packages_the_tool_carries_it_says_so_in_one_line_and_writes_nothing()
    {
        // This test's build of the CLI has no packages/ folder beside it: only the packed tool carries them.
        Assert.False(Directory.Exists(BundledPackages.InstalledDirectory));
        var name = $"app{Guid.NewGuid():N}";

        var run = await CliRun.RunAsync("new", name);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith(
            $"error: This chalice-net has no Chalice.Net {AppScaffold.ChaliceNetVersion} packages in {BundledPackages.InstalledDirectory}, which new apps restore from;",
            line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), name)));
    }
}
