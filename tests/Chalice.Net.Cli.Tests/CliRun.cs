using System.CommandLine;

namespace Chalice.Cli.Tests;

/// <summary>One in-process run of the chalice-net command line, as a user's shell would see it.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, TestContext.Current.CancellationToken);

    /// <summary>A run that <paramref name="cancellationToken"/> stops as Ctrl+C would.</summary>
    public static async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await ChaliceCli.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The lines written to stderr.</summary>
    public string[] ErrorLines => Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>Asserts success, showing what the command printed when it did not succeed.</summary>
    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}\n{Output}\n{Error}");
        return this;
    }
}
