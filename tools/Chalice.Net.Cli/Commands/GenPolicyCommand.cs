using System.CommandLine;
using Chalice.Policy;
using Chalice.Project;

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
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var ignoreUnknown = CommonOptions.IgnoreUnknownSettings();
        var command = new Command("gen-policy", "Print the IAM policy the app's code needs.") { app.Option, stage, ignoreUnknown };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var project = app.Value(parse);
            // A folder without a project is enough when the stage's policy is a file (autogen_policy false).
            var config = AppWorkspace.LoadConfig(AppProject.FindDirectory(project), parse.GetValue(stage)!,
                parse.GetValue(ignoreUnknown) ? ConfigCheck.EnforceExceptUnknownKeys : ConfigCheck.Enforce, parse.InvocationConfiguration.Error);
            var result = await PolicyGenerator.GenerateAsync(project, AppWorkspace.PolicySettings(config.ForStage(parse.GetValue(stage)!)), cancellationToken);
            await parse.InvocationConfiguration.Output.WriteAsync(result.Json);
            foreach (var warning in result.Warnings)
                await parse.InvocationConfiguration.Error.WriteLineAsync(warning.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }
}
