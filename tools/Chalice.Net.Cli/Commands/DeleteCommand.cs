using System.CommandLine;
using Chalice.Deploy;
using Chalice.Deploy.Aws;
using Spectre.Console;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net delete</c>: deletes the stage's REST API, function, role and policy, then its state file. Without
/// a state file, the tagged resources named after the app and stage are found and deleted.
/// </summary>
public static class DeleteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var stage = CommonOptions.Stage();
        var aws = new AwsOptions();
        var command = new Command("delete", "Delete everything a deploy created for the stage.") { stage };
        aws.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, async () =>
        {
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var workspace = AppWorkspace.Open(parse.GetValue(options.ProjectDirectory)!, parse.GetValue(stage)!);
            var stageName = workspace.Stage.Stage;
            var appName = workspace.Config.AppName ?? workspace.Store.Load(stageName)?.AppName
                          ?? throw new CliUsageException("Set app_name in .chalice/config.json: delete needs it to name the resources.");
            var calls = new AwsCallRecorder();
            using var clients = new AwsClients(aws.Resolve(parse, options), new AwsClientOptions { Observer = calls });
            var deleted = await new Deleter(clients, workspace.Store).DeleteAsync(
                appName, stageName, new InlineProgress<string>(resource => console.WriteLine($"  Deleting {resource}")), cancellationToken);
            console.WriteLine(deleted.Count == 0
                ? $"Nothing of {appName}-{stageName} is deployed."
                : $"Deleted {appName}-{stageName} ({calls.ReadCalls + calls.MutatingCalls} AWS calls, {calls.MutatingCalls} mutating).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
