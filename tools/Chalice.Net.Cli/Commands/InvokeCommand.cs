using System.CommandLine;
using Chalice.Configuration;
using Chalice.Project;
using Chalice.Project.Invoke;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net invoke NAME</c>: runs one function of the app locally, in the app's own process (Serverless
/// Framework's <c>invoke local</c>): it builds the app, then runs <c>dotnet run -- invoke NAME …</c>, whose generated
/// <c>Main</c> invokes the function through the same dispatcher as on Lambda (Chalice.Local's
/// <c>LocalInvocation</c>). The argument and options are the app's own (<see cref="InvokeCommandLine"/>); the build's
/// output stays out of standard output, which carries only the result.
/// </summary>
public static class InvokeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var function = new Argument<string>("NAME") { Description = InvokeCommandLine.FunctionArgumentDescription };
        var eventOption = new Option<string?>(InvokeCommandLine.Event.Name)
        {
            Description = InvokeCommandLine.Event.Description,
            HelpName = InvokeCommandLine.Event.ValueName,
        };
        var stage = new Option<string>(InvokeCommandLine.Stage.Name)
        {
            Description = InvokeCommandLine.Stage.Description,
            HelpName = InvokeCommandLine.Stage.ValueName,
            DefaultValueFactory = _ => ChaliceConfig.DefaultStage,
        };
        var aws = new Option<bool>(InvokeCommandLine.Aws.Name) { Description = InvokeCommandLine.Aws.Description };
        var command = new Command(InvokeCommandLine.Verb, InvokeCommandLine.Description) { function, app.Option, eventOption, stage, aws };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var project = AppProject.Find(app.Value(parse));
            await project.EnsureIsAppAsync(cancellationToken);
            List<string> arguments =
            [
                "run", "--no-build", "--no-launch-profile", "--project", project.ProjectFile, "--",
                InvokeCommandLine.Verb, parse.GetValue(function)!, InvokeCommandLine.Stage.Name, parse.GetValue(stage)!,
            ];
            if (parse.GetValue(aws))
                arguments.Add(InvokeCommandLine.Aws.Name);
            arguments.AddRange([InvokeCommandLine.ProjectDirectory.Name, project.Directory]);

            string? standardInput = null;
            try
            {
                if (parse.GetValue(eventOption) is { } eventValue)
                {
                    // The app runs in the project's folder: a file is named by its full path, and standard input is read
                    // here, before the build, and handed over as a file.
                    if (eventValue == InvokeCommandLine.StandardInput)
                    {
                        standardInput = Path.GetTempFileName();
                        await File.WriteAllTextAsync(standardInput, await Console.In.ReadToEndAsync(cancellationToken), cancellationToken);
                    }
                    arguments.AddRange([InvokeCommandLine.Event.Name, standardInput ?? Path.GetFullPath(eventValue)]);
                }
                await DotNetCli.RunAsync(["build", project.ProjectFile, "-nologo"], project.Directory, cancellationToken);
                return await DotNetCli.RunAttachedAsync(arguments, project.Directory, cancellationToken);
            }
            finally
            {
                if (standardInput is not null)
                    File.Delete(standardInput);
            }
        }));
        return command;
    }
}
