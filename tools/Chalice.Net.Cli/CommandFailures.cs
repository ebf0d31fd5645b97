using System.CommandLine;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;
using Chalice.Project;

namespace Chalice.Cli;

/// <summary>
/// Runs a command's body and turns the failures a user can act on into one line each on stderr and exit code 1 (the
/// full exception with <c>--debug</c>), and Ctrl+C into a line saying what was stopped and exit code 130. Anything else
/// is a bug and keeps its stack trace.
/// </summary>
internal static class CommandFailures
{
    /// <param name="parse">The command line.</param>
    /// <param name="options">The global options (for <c>--debug</c>).</param>
    /// <param name="cancellationToken">The command's token, cancelled by Ctrl+C.</param>
    /// <param name="body">The command.</param>
    /// <param name="whenCancelled">What to tell the user when they cancel (what was left and how to go on).</param>
    public static async Task<int> RunAsync(
        ParseResult parse, GlobalOptions options, CancellationToken cancellationToken, Func<Task<int>> body, Func<string>? whenCancelled = null)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(whenCancelled?.Invoke() ?? $"{parse.CommandResult.Command.Name} cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            if (parse.GetValue(options.Debug))
                await error.WriteLineAsync($"error: {e}");
            else
            {
                foreach (var line in e is ChaliceConfigException config ? config.Problems : [e.Message])
                    await error.WriteLineAsync($"error: {line}");
            }
            return ExitCodes.Failure;
        }
    }

    private static bool IsUserFacing(Exception e) => e is
        AwsServiceException or AwsConfigurationException or LambdaFunctionStateException or
        ChaliceConfigException or DeployedStateException or AppProjectException or DotNetCommandException or
        ProjectLoadException or InvalidPolicyException or AmbiguousResourceException or
        InvalidDataException or OperationCanceledException;
}

/// <summary>A command was given arguments that cannot work together: a usage error (exit code 2).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
