using System.CommandLine;
using Chalice.Deploy.State;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net url</c>: prints the stage's URL from <c>.chalice/deployed/&lt;stage&gt;.json</c>, with no AWS call.
/// The URL is AWS's (a REST API's <c>https://{api}.execute-api.{region}.amazonaws.com/{stage}/</c>, an HTTP API's
/// <c>$default</c> stage at <c>https://{api}.execute-api.{region}.amazonaws.com/</c>), also after a deploy to another
/// endpoint, as Chalice prints it.
/// </summary>
public static class UrlCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var command = new Command("url", "Print the URL of the deployed API (read from .chalice/deployed, no AWS call).") { app.Option, stage };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var workspace = AppWorkspace.Open(app.Value(parse), parse.GetValue(stage)!, ConfigCheck.WarnOnly, parse.InvocationConfiguration.Error);
            var api = workspace.Store.Load(workspace.Stage.Stage)?.Api
                      ?? throw new DeployedStateException(
                          $"The stage '{workspace.Stage.Stage}' has no deployed API; run 'chalice-net deploy --stage {workspace.Stage.Stage}' first.");
            await parse.InvocationConfiguration.Output.WriteLineAsync(api.Url);
            return ExitCodes.Success;
        }));
        return command;
    }
}
