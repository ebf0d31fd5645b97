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
        var command = new Command("url", "Print the URL of the deployed API, its custom domain's when it has one (read from .chalice/deployed, no AWS call).") { app.Option, stage };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var workspace = AppWorkspace.Open(app.Value(parse), parse.GetValue(stage)!, ConfigCheck.WarnOnly, parse.InvocationConfiguration.Error);
            // A custom domain's URL when the stage has one (api_gateway_custom_domain), as users reach the API there.
            var url = workspace.Store.Load(workspace.Stage.Stage)?.Url
                      ?? throw new DeployedStateException(
                          $"The stage '{workspace.Stage.Stage}' has no deployed API; run 'chalice-net deploy --stage {workspace.Stage.Stage}' first.");
            await parse.InvocationConfiguration.Output.WriteLineAsync(url);
            return ExitCodes.Success;
        }));
        return command;
    }
}
