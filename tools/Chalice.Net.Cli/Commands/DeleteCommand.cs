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
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var aws = new AwsOptions();
        var command = new Command("delete", "Delete everything a deploy created for the stage.") { app.Option, stage };
        aws.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var workspace = AppWorkspace.Open(app.Value(parse), parse.GetValue(stage)!, ConfigCheck.WarnOnly, parse.InvocationConfiguration.Error);
            var stageName = workspace.Stage.Stage;
            // The name the stage was deployed with, which after a rename of the app is not app_name any more.
            var appName = workspace.Store.Load(stageName)?.AppName ?? workspace.Config.AppName
                          ?? throw new CliUsageException("Set app_name in .chalice/config.json: delete needs it to name the resources.");
            var calls = new AwsCallRecorder();
            using var clients = new AwsClients(aws.Resolve(parse), new AwsClientOptions { Observer = calls });
            var deleted = await new Deleter(clients, workspace.Store).DeleteAsync(
                appName, stageName, new InlineProgress<string>(resource => console.WriteLine($"  Deleting {resource}")), cancellationToken);
            console.WriteLine(deleted.Count == 0
                ? $"Nothing of {appName}-{stageName} is deployed."
                : $"Deleted {appName}-{stageName} ({calls.ReadCalls + calls.MutatingCalls} AWS calls, {calls.MutatingCalls} mutating).");
            return ExitCodes.Success;
        }, whenCancelled: () =>
            $"Delete cancelled. What is left is still recorded in .chalice/deployed/{parse.GetValue(stage)}.json; " +
            $"run 'chalice-net delete --stage {parse.GetValue(stage)}' again to finish."));
        return command;
    }
}
