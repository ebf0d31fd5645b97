using System.CommandLine;
using Chalice.Project;
using Chalice.Project.Emulator;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net local</c>: runs the app's local emulator (<c>dotnet run -- …</c>), or with <c>--watch</c> restarts
/// it when the code changes (<c>dotnet watch run -- …</c>). Its options are the emulator's own
/// (<see cref="EmulatorCommandLine"/>), checked here and passed on.
/// </summary>
public static class LocalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var watch = new Option<bool>("--watch") { Description = "Rebuild and restart when the app's code changes." };
        // --project-dir is the command's own: the app is found here, then named to the emulator by its folder.
        var emulatorOptions = EmulatorCommandLine.All
            .Where(o => o != EmulatorCommandLine.ProjectDirectory)
            .Select(o => (Emulator: o, Cli: ToCliOption(o)))
            .ToArray();
        var command = new Command("local", "Serve the app locally as API Gateway would.") { app.Option };
        foreach (var (_, option) in emulatorOptions)
            command.Add(option);
        command.Add(watch);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var project = AppProject.Find(app.Value(parse));
            await project.EnsureIsAppAsync(cancellationToken);
            List<string> arguments = parse.GetValue(watch)
                ? ["watch", "run", "--project", project.ProjectFile, "--"]
                : ["run", "--project", project.ProjectFile, "--"];
            foreach (var (emulator, option) in emulatorOptions)
            {
                if (option is Option<bool> flag && parse.GetValue(flag))
                    arguments.Add(emulator.Name);
                else if (option is Option<string> valued && parse.GetValue(valued) is { } value)
                    arguments.AddRange([emulator.Name, value]);
            }
            arguments.AddRange([EmulatorCommandLine.ProjectDirectory.Name, project.Directory]);
            return await DotNetCli.RunAttachedAsync(arguments, project.Directory, cancellationToken) == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Option ToCliOption(EmulatorOption emulator)
    {
        if (emulator.IsFlag)
            return new Option<bool>(emulator.Name) { Description = emulator.Description };
        var option = new Option<string>(emulator.Name) { Description = emulator.Description, HelpName = emulator.ValueName };
        if (emulator.Problem is { } problem)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Count == 1 && problem(result.Tokens[0].Value) is { } error)
                    result.AddError(error);
            });
        }
        return option;
    }
}
