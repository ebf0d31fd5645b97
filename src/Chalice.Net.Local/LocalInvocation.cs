using System.Text;
using Chalice.Configuration;
using Chalice.Functions;
using Chalice.Hosting;
using Chalice.Lambda;
using Chalice.Local.S3;
using Chalice.Project;
using Chalice.Project.Invoke;
using Chalice.Testing;
using Microsoft.Extensions.Logging;

namespace Chalice.Local;

/// <summary>
/// <c>dotnet run -- invoke NAME [options]</c> (and so <c>chalice-net invoke</c>): runs one function of the app in this
/// process, as its Lambda function would run it, and prints the result (Serverless Framework's <c>invoke local</c>).
/// The stage's settings apply as they would on Lambda (the function's own <c>lambda_functions</c> environment
/// variables, memory and timeout), and the app's AWS calls go to the stand-ins the emulator serves, unless
/// <c>--aws</c> or <c>"local_aws": false</c>. Standard output carries only the result JSON; logs go to standard error.
/// </summary>
public static class LocalInvocation
{
    /// <summary>Runs <c>invoke</c> with the arguments after the verb; returns the exit code (0, 1 failed, 2 usage).</summary>
    public static Task<int> RunAsync(ChaliceAppDefinition definition, IReadOnlyList<string> args) =>
        RunAsync(definition, args, Console.Out, Console.Error, Console.In, CancellationToken.None);

    /// <summary><see cref="RunAsync(ChaliceAppDefinition, IReadOnlyList{string})"/> with its streams given (for tests).</summary>
    public static async Task<int> RunAsync(
        ChaliceAppDefinition definition, IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader input,
        CancellationToken cancellationToken)
    {
        // The app's log lines and this command's own share it from two threads.
        error = TextWriter.Synchronized(error);
        InvokeArguments arguments;
        try
        {
            arguments = InvokeCommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message} (invoke --help lists the options)");
            return 2;
        }
        if (arguments.ShowHelp)
        {
            await output.WriteLineAsync(InvokeCommandLine.Usage);
            return 0;
        }

        try
        {
            return await InvokeAsync(definition, arguments, output, error, input, cancellationToken);
        }
        catch (Exception e) when (e is InvocationProblem or UnknownFunctionException or InvalidEventException or InvalidProxyEventException
                                      or ChaliceConfigException or AppProjectException or ServiceConfigurationException or IOException)
        {
            foreach (var line in e is ChaliceConfigException config ? config.Problems : [e.Message])
                await error.WriteLineAsync($"error: {line}");
            return 1;
        }
    }

    private static async Task<int> InvokeAsync(
        ChaliceAppDefinition definition, InvokeArguments arguments, TextWriter output, TextWriter error, TextReader input,
        CancellationToken cancellationToken)
    {
        var name = arguments.Function;
        var function = definition.Functions.FirstOrDefault(f => f.Name == name);
        if (function is null && name != ChaliceDispatcher.ApiHandlerName)
            throw new UnknownFunctionException(name, definition.Name, [ChaliceDispatcher.ApiHandlerName, .. definition.Functions.Select(f => f.Name)]);

        var appDirectory = AppProject.FindServedDirectory(arguments.ProjectDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var config = ChaliceConfig.Load(appDirectory);
        foreach (var problem in config.Validate(arguments.Stage))
            await error.WriteLineAsync($"warning: {problem}");
        var stage = config.ForStage(arguments.Stage, name);
        var payload = await ReadEventAsync(arguments, input, cancellationToken);
        foreach (var (variable, value) in stage.EnvironmentVariables)
            Environment.SetEnvironmentVariable(variable, value);

        using var logs = new BatchingConsoleLoggerProvider(error);
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var standIns = stage.LocalAws && !arguments.UseRealAws
            ? await LocalAwsStandIns.StartStandaloneAsync(appDirectory, stage, definition.Functions, loggers)
            : null;
        foreach (var line in standIns?.BannerLines() ?? [])
            await error.WriteLineAsync(line);
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
        if (payload is null)
        {
            payload = function is not null
                ? new EventBuilder(region).SampleFor(function, definition.Name, arguments.Stage)
                : throw new InvocationProblem(
                    $"{ChaliceDispatcher.ApiHandlerName} takes an API Gateway proxy event: pass one with --event, or serve the API with 'dotnet run'.");
        }
        LambdaPayload.EnsureJson(payload);

        await using var app = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = logging => logging.AddProvider(logs) });
        var deployedName = name == ChaliceDispatcher.ApiHandlerName
            ? $"{definition.Name}-{arguments.Stage}"
            : $"{definition.Name}-{arguments.Stage}-{name}";
        var context = new LambdaContext(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddSeconds(stage.LambdaTimeout))
        {
            FunctionName = deployedName,
            InvokedFunctionArn = $"arn:aws:lambda:{region}:123456789012:function:{deployedName}",
            MemoryLimitInMB = stage.LambdaMemorySize,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InvocationDeadline.CancellationDelay(context.RemainingTime));

        byte[] result;
        try
        {
            result = await app.Dispatcher.InvokeAsync(name, payload, context, deadline.Token);
        }
        catch (Exception e) when (e is not (InvalidEventException or InvalidProxyEventException) && !cancellationToken.IsCancellationRequested)
        {
            // What Lambda's Invoke returns for a failed invocation, and one line saying so.
            await output.WriteLineAsync(Encoding.UTF8.GetString(LambdaErrorDocument.Write(e)));
            await error.WriteLineAsync($"error: the function '{name}' failed: {LambdaErrorDocument.ErrorType(e)}: {e.Message}");
            return 1;
        }
        await output.WriteLineAsync(Encoding.UTF8.GetString(result));
        return 0;
    }

    /// <summary>The event's JSON from <c>--event</c>; null when none was given.</summary>
    private static async Task<byte[]?> ReadEventAsync(InvokeArguments arguments, TextReader input, CancellationToken cancellationToken)
    {
        if (arguments.Event is null)
            return null;
        if (arguments.Event == InvokeCommandLine.StandardInput)
            return Encoding.UTF8.GetBytes(await input.ReadToEndAsync(cancellationToken));
        var path = Path.GetFullPath(arguments.Event);
        return File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new InvocationProblem($"--event: '{arguments.Event}' does not exist.");
    }

    /// <summary>A mistake in what <c>invoke</c> was given, said in one line.</summary>
    private sealed class InvocationProblem(string message) : Exception(message);
}
