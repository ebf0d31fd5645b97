using System.CommandLine;
using Chalice.Deploy.Building;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net local</c>: runs the app's local emulator (<c>dotnet run -- …</c>), or with <c>--watch</c> restarts
/// it when the code changes (<c>dotnet watch run -- …</c>).
/// </summary>
public static class LocalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var stage = CommonOptions.Stage();
        var port = new Option<int?>("--port") { Description = "The port to listen on (default 8000; 0 picks a free one).", HelpName = "PORT" };
        var host = new Option<string?>("--host") { Description = "The interface to listen on (default 127.0.0.1).", HelpName = "ADDRESS" };
        var watch = new Option<bool>("--watch") { Description = "Rebuild and restart when the app's code changes." };
        var command = new Command("local", "Serve the app locally as API Gateway would.") { stage, port, host, watch };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, async () =>
        {
            var project = AppProject.Find(parse.GetValue(options.ProjectDirectory)!);
            List<string> arguments = parse.GetValue(watch)
                ? ["watch", "run", "--project", project.ProjectFile, "--"]
                : ["run", "--project", project.ProjectFile, "--"];
            arguments.AddRange(["--stage", parse.GetValue(stage)!, "--project-dir", project.Directory]);
            if (parse.GetValue(port) is { } portNumber)
                arguments.AddRange(["--port", portNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (parse.GetValue(host) is { } address)
                arguments.AddRange(["--host", address]);
            return await DotNetCli.RunAttachedAsync(arguments, project.Directory, cancellationToken) == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
