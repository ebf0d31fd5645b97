using System.CommandLine;
using Chalice.Configuration;
using Chalice.Policy;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net gen-policy</c>: prints the IAM policy the app's stage deploys with (generated from the code, or the
/// stage's policy file when <c>autogen_policy</c> is false) to stdout, and analysis warnings to stderr.
/// </summary>
public static class GenPolicyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var stage = CommonOptions.Stage();
        var command = new Command("gen-policy", "Print the IAM policy the app's code needs.") { stage };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, async () =>
        {
            var project = parse.GetValue(options.ProjectDirectory)!;
            var config = ChaliceConfig.Load(PolicyGenerator.AppDirectory(project)).ForStage(parse.GetValue(stage)!);
            var result = await PolicyGenerator.GenerateAsync(project, AppWorkspace.PolicySettings(config), cancellationToken);
            await parse.InvocationConfiguration.Output.WriteAsync(result.Json);
            foreach (var warning in result.Warnings)
                await parse.InvocationConfiguration.Error.WriteLineAsync(warning.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }
}
