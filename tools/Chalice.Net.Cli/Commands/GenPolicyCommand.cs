using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Policy;
using Chalice.Project;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net gen-policy</c>: prints the IAM policy each function's role deploys with (generated from the code its
/// handlers reach, or its policy file when <c>autogen_policy</c> is false) to stdout, and analysis warnings to stderr.
/// By default one JSON object keyed by function name (<c>api_handler</c> first), each value a policy document, so the
/// whole output is one JSON document a script can index (<c>jq '.resize'</c>); <c>--function NAME</c> prints that
/// function's document alone, exactly as its role gets it (a policy file verbatim), ready for <c>aws iam put-role-policy</c>.
/// </summary>
public static class GenPolicyCommand
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var ignoreUnknown = CommonOptions.IgnoreUnknownSettings();
        var function = new Option<string?>("--function")
        {
            Description = "Print only this function's policy document (api_handler for the routes' function).",
            HelpName = "NAME",
        };
        var command = new Command("gen-policy",
            "Print the IAM policy of each function's role: a JSON object keyed by function name, or one document with --function.")
        {
            app.Option, stage, ignoreUnknown, function,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var project = app.Value(parse);
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var stageName = parse.GetValue(stage)!;
            // A folder without a project is enough when the stage's policy is a file (autogen_policy false).
            var config = AppWorkspace.LoadConfig(AppProject.FindDirectory(project), stageName,
                parse.GetValue(ignoreUnknown) ? ConfigCheck.EnforceExceptUnknownKeys : ConfigCheck.Enforce, error);
            var policies = await PolicyGenerator.GenerateFunctionsAsync(
                project, name => AppWorkspace.PolicySettings(config.ForStage(stageName, name)), config.ConfiguredFunctions(stageName), cancellationToken);

            var selected = policies.ToArray();
            if (parse.GetValue(function) is { } name)
            {
                if (!policies.TryGetValue(name, out var one))
                {
                    await error.WriteLineAsync($"error: the app has no function '{name}'; its functions are {string.Join(", ", policies.Keys)}.");
                    return ExitCodes.Failure;
                }
                selected = [new(name, one)];
                await output.WriteAsync(one.Json);
            }
            else
            {
                var all = new JsonObject();
                foreach (var (functionName, result) in policies)
                    all[functionName] = JsonNode.Parse(result.Json);
                await output.WriteAsync(all.ToJsonString(s_indented) + "\n");
            }
            foreach (var warning in AppWorkspace.PolicyWarnings(selected.Select(p => p.Value)))
                await error.WriteLineAsync(warning);
            return ExitCodes.Success;
        }));
        return command;
    }
}
