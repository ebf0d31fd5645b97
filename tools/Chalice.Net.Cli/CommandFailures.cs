using System.CommandLine;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Building;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;

namespace Chalice.Cli;

/// <summary>
/// Runs a command's body and turns the failures a user can act on into one line on stderr and exit code 1 (the full
/// exception with <c>--debug</c>). Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandFailures
{
    public static async Task<int> RunAsync(ParseResult parse, GlobalOptions options, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliUsageException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            var error = parse.InvocationConfiguration.Error;
            await error.WriteLineAsync(parse.GetValue(options.Debug) ? $"error: {e}" : $"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static bool IsUserFacing(Exception e) => e is
        AwsServiceException or AwsConfigurationException or LambdaFunctionStateException or
        ChaliceConfigException or DeployedStateException or AppProjectException or DotNetCommandException or
        ProjectLoadException or PolicyFileException or InvalidPolicyException or AmbiguousResourceException or
        InvalidDataException or OperationCanceledException;
}

/// <summary>A command was given arguments that cannot work together: a usage error (exit code 2).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
