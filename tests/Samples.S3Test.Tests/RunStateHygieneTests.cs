using System.Diagnostics;

namespace Chalice.Tests;

/// <summary>
/// Running an app (the walkthrough, <c>dotnet run</c>, <c>deploy</c>, <c>pack -o feed</c>) writes run state that must
/// never show up in <c>git status</c> nor be committed: the emulator's stand-in data, deploy records and packages,
/// wherever the app lives in the tree, and the README's local feed.
/// </summary>
public sealed class RunStateHygieneTests
{
    [Theory]
    [InlineData("samples/S3Test/.chalice/local/s3/objects/x")]
    [InlineData("samples/S3Test/.chalice/deployed/dev.json")]
    [InlineData("samples/S3Test/.chalice/deployments/abc.zip")]
    [InlineData("tests/TestApps/EventsApp/.chalice/local/sqs/journal")]
    [InlineData(".chalice/local/s3/x")]
    [InlineData("feed/Chalice.Net.1.0.0.nupkg")]
    public void Run_state_anywhere_in_the_tree_is_ignored(string path)
    {
        var (exitCode, output) = Git("check-ignore", "--no-index", path);

        Assert.True(exitCode == 0, $"'{path}' is not ignored by .gitignore ({output.Trim()})");
    }

    [Fact]
    public void No_run_state_is_tracked()
    {
        var (exitCode, output) = Git("ls-files", "--", "*/.chalice/local/*", "*/.chalice/deployed/*", "*/.chalice/deployments/*", "feed/*");

        Assert.Equal((0, ""), (exitCode, output));
    }

    private static (int ExitCode, string Output) Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd() + git.StandardError.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, output);
    }
}
