using System.CommandLine;
using System.Diagnostics;
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
            return await RunAttachedAsync(arguments, project.Directory, cancellationToken);
        }));
        return command;
    }

    /// <summary>Runs <c>dotnet</c> with the console attached (the emulator prints its own output) until it exits or Ctrl+C.</summary>
    private static async Task<int> RunAttachedAsync(IReadOnlyList<string> arguments, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new DotNetCommandException("Could not start 'dotnet'; is the .NET SDK installed?");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return ExitCodes.Success;
        }
        return process.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
