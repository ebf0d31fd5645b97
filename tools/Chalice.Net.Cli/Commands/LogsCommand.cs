using System.CommandLine;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.State;

namespace Chalice.Cli.Commands;

/// <summary>
/// <c>chalice-net logs</c> (Chalice's <c>logs</c>): prints a deployed function's CloudWatch Logs events, oldest first,
/// as Chalice prints them, and with <c>--follow</c> keeps printing new ones until Ctrl+C.
/// </summary>
public static class LogsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var app = new AppLocation(options);
        var stage = CommonOptions.Stage();
        var aws = new AwsOptions();
        var name = new Option<string>("--name", "-n")
        {
            Description = "The function whose logs to print, by its name in the app as .chalice/deployed/<stage>.json records it " +
                          $"({ChaliceConfig.ApiHandlerName} is the function serving the API).",
            HelpName = "NAME",
            DefaultValueFactory = _ => ChaliceConfig.ApiHandlerName,
        };
        var since = new Option<LogSince?>("--since", "-s")
        {
            Description = "Only events since this time: a number and a unit (30s, 10m, 1h, 2d, 1w) back from now, or an ISO-8601 time " +
                          "(UTC unless it names an offset). Default: every event; with --follow, 10m.",
            HelpName = "TIME",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                var parsed = LogSince.TryParse(text);
                if (parsed is null)
                    result.AddError($"--since must be a number and a unit (30s, 10m, 1h, 2d, 1w) or an ISO-8601 time, not '{text}'.");
                return parsed;
            },
        };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Keep printing new events as they arrive (polling about every second, less often while none come), " +
                          "each once, until Ctrl+C, which ends the command with exit code 0.",
        };
        var includeLambdaMessages = new Option<bool>("--include-lambda-messages")
        {
            Description = "Also print the lines Lambda writes around each invocation (START, END, REPORT, INIT_START), hidden by default.",
        };
        var command = new Command("logs",
            "Print a deployed function's logs (CloudWatch Logs group /aws/lambda/<function>, in the region the stage was deployed to " +
            "unless --region says otherwise), oldest first, one line each: time (UTC), stream id, message. A function that never ran " +
            "has no logs yet: that is said in one line.")
        {
            app.Option, name, stage, since, follow, includeLambdaMessages,
        };
        aws.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(parse, options, cancellationToken, () => RunAsync(
            parse, app, aws, new LogsRequest(parse.GetValue(name)!, parse.GetValue(stage)!, parse.GetValue(since), parse.GetValue(follow),
                parse.GetValue(includeLambdaMessages)), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, AppLocation app, AwsOptions awsOptions, LogsRequest request, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var workspace = AppWorkspace.Open(app.Value(parse), request.Stage, ConfigCheck.WarnOnly, error);
        var stage = workspace.Stage.Stage;
        var state = workspace.Store.Load(stage)
                    ?? throw new DeployedStateException($"Nothing of stage '{stage}' is deployed; run 'chalice-net deploy --stage {stage}' first.");
        var functions = state.Resources.OfType<DeployedFunction>().ToList();
        var function = functions.FirstOrDefault(f => f.Name == request.Name)
                       ?? throw new DeployedStateException($"Stage '{stage}' has no deployed function named '{request.Name}'; " +
                           (functions.Count == 0 ? "it has none." : $"it has: {string.Join(", ", functions.Select(f => f.Name))}."));

        // The function lives in the region the state file records, whatever the AWS configuration's default is.
        var settings = AwsSettings.Resolve(new AwsSettingsRequest
        {
            Profile = parse.GetValue(awsOptions.Profile),
            Region = parse.GetValue(awsOptions.Region) ?? state.Region,
            EndpointUrl = parse.GetValue(awsOptions.EndpointUrl),
        });
        using var clients = new AwsClients(settings);
        var reader = new LogEventReader(clients.Logs);
        var group = LogEventReader.LogGroupOf(function.FunctionName);
        var now = TimeProvider.System.GetUtcNow();
        var events = request.Follow
            ? reader.FollowAsync(group, (request.Since ?? LogSince.FollowDefault).StartTime(now), notice => error.WriteLine(notice), cancellationToken)
            : reader.ReadAsync(group, request.Since?.StartTime(now), cancellationToken);
        try
        {
            await foreach (var logEvent in events)
            {
                if (request.IncludeLambdaMessages || !LambdaLogLine.IsLambdaMessage(logEvent.Message))
                    await output.WriteLineAsync(LambdaLogLine.Format(logEvent));
            }
        }
        catch (OperationCanceledException) when (request.Follow && cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how following ends.
        }
        catch (AwsServiceException e) when (e.IsNotFound && !request.Follow)
        {
            await error.WriteLineAsync($"No logs yet: {group} does not exist in {settings.Region} (the function '{function.FunctionName}' has not run).");
        }
        return ExitCodes.Success;
    }

    /// <summary>What the command line asked for.</summary>
    private sealed record LogsRequest(string Name, string Stage, LogSince? Since, bool Follow, bool IncludeLambdaMessages);
}
