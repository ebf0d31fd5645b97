using System.CommandLine;
using Chalice.Configuration;
using Chalice.Policy;
using Chalice.Policy.Documents;
using Chalice.Policy.Loading;

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
        var stage = new Option<string>("--stage")
        {
            Description = "The stage whose settings apply.",
            HelpName = "NAME",
            DefaultValueFactory = _ => ChaliceConfig.DefaultStage,
        };
        var command = new Command("gen-policy", "Print the IAM policy the app's code needs.") { stage };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(options.ProjectDirectory)!,
            parse.GetValue(stage)!,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string project, string stage, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var config = ChaliceConfig.Load(PolicyGenerator.AppDirectory(project)).ForStage(stage);
            var result = await PolicyGenerator.GenerateAsync(project, AppWorkspace.PolicySettings(config), cancellationToken);
            await output.WriteAsync(result.Json);
            foreach (var warning in result.Warnings)
                await error.WriteLineAsync(warning.ToString());
            return 0;
        }
        catch (Exception e) when (e is ProjectLoadException or PolicyFileException or ChaliceConfigException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
