using System.CommandLine;
using System.Text;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.State;
using Chalice.Project;
using Chalice.Project.Invoke;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net invoke NAME</c>: runs one function of the app, on Lambda when the stage is deployed (Chalice's
/// <c>invoke</c>: Lambda's <c>Invoke</c> on the function the state file records, printing its payload), else locally
/// (Serverless Framework's <c>invoke local</c>). Locally it builds the app, then runs <c>dotnet run -- invoke NAME …</c>,
/// whose generated <c>Main</c> invokes the function through the same dispatcher as on Lambda (Chalice.Local's
/// <c>LocalInvocation</c>); the local argument and options are the app's own (<see cref="InvokeCommandLine"/>). Either
/// way standard output carries only the result, and a failing function is its error and exit code 1.
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
            Description = "The event's JSON: a file, or - for standard input (default: on Lambda {}; locally a sample event for the function's source).",
            HelpName = InvokeCommandLine.Event.ValueName,
        };
        var stage = new Option<string>(InvokeCommandLine.Stage.Name)
        {
            Description = InvokeCommandLine.Stage.Description,
            HelpName = InvokeCommandLine.Stage.ValueName,
            DefaultValueFactory = _ => ChaliceConfig.DefaultStage,
        };
        var local = new Option<bool>("--local")
        {
            Description = "Run the function locally even though the stage is deployed (the default when .chalice/deployed/<stage>.json does not exist).",
        };
        var aws = new Option<bool>(InvokeCommandLine.Aws.Name) { Description = $"With a local run: {InvokeCommandLine.Aws.Description}" };
        var logTail = new Option<bool>("--log-tail")
        {
            Description = "On Lambda: also print the last 4 KB of the invocation's log, which Lambda returns, to standard error.",
        };
        var awsOptions = new AwsOptions();
        var command = new Command(InvokeCommandLine.Verb,
            "Run one function of the app. When the stage is deployed (.chalice/deployed/<stage>.json exists) it is invoked on Lambda " +
            "and its payload printed; a function error prints its type and message and exits 1. Otherwise, or with --local: " +
            InvokeCommandLine.Description)
        {
            function, app.Option, eventOption, stage, local, aws, logTail,
        };
        awsOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, async () =>
        {
            var project = AppProject.Find(app.Value(parse));
            var stageName = parse.GetValue(stage)!;
            var state = parse.GetValue(local) ? null : new DeployedStateStore(project.Directory).Load(stageName);
            if (state is null)
            {
                var remoteOnly = new Option[] { logTail, awsOptions.Profile, awsOptions.Region, awsOptions.EndpointUrl }
                    .FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (remoteOnly is not null)
                    throw new CliUsageException(parse.GetValue(local)
                        ? $"{remoteOnly.Name} is for invoking the deployed function; drop it or --local."
                        : $"{remoteOnly.Name} is for invoking the deployed function, and stage '{stageName}' is not deployed.");
                return await RunLocallyAsync(project, parse.GetValue(function)!, stageName, parse.GetValue(eventOption), parse.GetValue(aws),
                    cancellationToken);
            }
            if (parse.GetValue(aws))
                throw new CliUsageException($"{InvokeCommandLine.Aws.Name} is for a local run; stage '{stageName}' is deployed, so add --local.");
            return await RunOnLambdaAsync(parse, awsOptions, state, parse.GetValue(function)!, parse.GetValue(eventOption), parse.GetValue(logTail),
                cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunOnLambdaAsync(
        ParseResult parse, AwsOptions awsOptions, DeployedState state, string name, string? eventValue, bool logTail, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var functions = state.Resources.OfType<DeployedFunction>().ToList();
        var function = functions.FirstOrDefault(f => f.Name == name)
                       ?? throw new DeployedStateException($"Stage '{state.Stage}' has no deployed function named '{name}'; " +
                           (functions.Count == 0 ? "it has none." : $"it has: {string.Join(", ", functions.Select(f => f.Name))}.") +
                           " Use --local to run the app's code here.");
        var payload = eventValue switch
        {
            null => "{}"u8.ToArray(),
            InvokeCommandLine.StandardInput => Encoding.UTF8.GetBytes(await Console.In.ReadToEndAsync(cancellationToken)),
            _ => await ReadEventFileAsync(eventValue, cancellationToken),
        };

        // The function lives in the region the state file records, whatever the AWS configuration's default is.
        var settings = AwsSettings.Resolve(new AwsSettingsRequest
        {
            Profile = parse.GetValue(awsOptions.Profile),
            Region = parse.GetValue(awsOptions.Region) ?? state.Region,
            EndpointUrl = parse.GetValue(awsOptions.EndpointUrl),
        });
        using var clients = new AwsClients(settings);
        var invocation = await clients.LambdaInvoker.InvokeAsync(
            new InvokeRequest { FunctionName = function.FunctionName, Payload = payload, LogTail = logTail }, cancellationToken);
        if (invocation.LogTail is { } tail)
            await error.WriteAsync(tail.EndsWith('\n') ? tail : tail + "\n");
        if (invocation.Error is { } failure)
        {
            await error.WriteLineAsync($"error: {function.FunctionName} failed: {failure.ErrorType}: {failure.ErrorMessage}");
            return ExitCodes.Failure;
        }
        await output.WriteLineAsync(invocation.PayloadText);
        return ExitCodes.Success;
    }

    private static async Task<byte[]> ReadEventFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The event file '{path}' cannot be read: {e.Message}");
        }
    }

    private static async Task<int> RunLocallyAsync(
        AppProject project, string function, string stage, string? eventValue, bool aws, CancellationToken cancellationToken)
    {
        await project.EnsureIsAppAsync(cancellationToken);
        List<string> arguments =
        [
            "run", "--no-build", "--no-launch-profile", "--project", project.ProjectFile, "--",
            InvokeCommandLine.Verb, function, InvokeCommandLine.Stage.Name, stage,
        ];
        if (aws)
            arguments.Add(InvokeCommandLine.Aws.Name);
        arguments.AddRange([InvokeCommandLine.ProjectDirectory.Name, project.Directory]);

        string? standardInput = null;
        try
        {
            if (eventValue is not null)
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
    }
}
