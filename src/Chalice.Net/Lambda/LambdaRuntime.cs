using System.Net.Sockets;
using Chalice.Functions;
using Chalice.Hosting;
using Microsoft.Extensions.Logging;

namespace Chalice.Lambda;

/// <summary>
/// The Runtime API loop: pick the app's function this Lambda function runs (<see cref="LambdaFunctionSelector"/>),
/// construct the app (reporting failures to <c>/init/error</c>), then forever take the next invocation, dispatch it to
/// that function and post the result, or post the error to <c>/error</c> when the invocation fails.
/// </summary>
public static partial class LambdaRuntime
{
    /// <summary>How long a lost Runtime API connection is retried before the process gives up.</summary>
    internal static readonly TimeSpan[] ReconnectDelays =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    /// <summary>Serves invocations until the Runtime API is lost; returns the process exit code.</summary>
    public static async Task<int> RunAsync(ChaliceAppDefinition definition, string runtimeApi, CancellationToken cancellationToken = default)
    {
        // One destination for the runtime's own entries and the app's: Lambda's format on stdout.
        var logging = LambdaLoggerProvider.FromEnvironment(Console.Out);
        var logger = logging.CreateLogger(typeof(LambdaRuntime).FullName!);
        using var client = new RuntimeApiClient(runtimeApi);

        string function;
        ChaliceApplication app;
        try
        {
            function = LambdaFunctionSelector.Select(definition);
            app = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = logging.AddTo });
        }
        catch (Exception exception)
        {
            // A registration or deployment mistake is the developer's to fix and says so in one line; anything else
            // needs its trace.
            if (exception is ServiceConfigurationException or UnknownFunctionException)
                LogCannotStart(logger, exception.Message);
            else
                LogStartFailed(logger, exception, definition.Name);
            await TryAsync(() => client.PostInitErrorAsync(exception, cancellationToken), logger).ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var invocation = await NextWithRetryAsync(client, logger, cancellationToken).ConfigureAwait(false);
                if (invocation is null)
                    return cancellationToken.IsCancellationRequested ? 0 : 1;
                if (!await ServeAsync(app, function, client, invocation, logger, cancellationToken).ConfigureAwait(false))
                    return 1;
            }
        }
        return 0;
    }

    private static async Task<bool> ServeAsync(
        ChaliceApplication app, string function, RuntimeApiClient client, Invocation invocation, ILogger logger, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        LambdaContext.Current = context;
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", context.TraceId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InvocationDeadline.CancellationDelay(context.RemainingTime));
        try
        {
            byte[] response;
            try
            {
                response = await app.Dispatcher.InvokeAsync(function, invocation.Payload, context, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogInvocationFailed(logger, exception);
                return await TryAsync(() => client.PostErrorAsync(context.AwsRequestId, exception, cancellationToken), logger).ConfigureAwait(false);
            }
            return await TryAsync(() => client.PostResponseAsync(context.AwsRequestId, response, cancellationToken), logger).ConfigureAwait(false);
        }
        finally
        {
            LambdaContext.Current = null;
        }
    }

    private static async Task<Invocation?> NextWithRetryAsync(RuntimeApiClient client, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException)
            {
                if (attempt >= ReconnectDelays.Length)
                {
                    LogRuntimeApiLost(logger, exception);
                    return null;
                }
                await Task.Delay(ReconnectDelays[attempt], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Posts to the Runtime API; a failure here means the Runtime API is gone.</summary>
    private static async Task<bool> TryAsync(Func<Task> post, ILogger logger)
    {
        try
        {
            await post().ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException)
        {
            LogRuntimeApiUnreachable(logger, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogCannotStart(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The app '{App}' failed to start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string app);

    [LoggerMessage(Level = LogLevel.Error, Message = "The invocation failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lost the Lambda Runtime API; exiting")]
    private static partial void LogRuntimeApiLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reach the Lambda Runtime API")]
    private static partial void LogRuntimeApiUnreachable(ILogger logger, Exception exception);
}
