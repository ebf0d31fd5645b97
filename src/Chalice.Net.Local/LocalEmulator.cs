using System.Diagnostics;
using Chalice.Configuration;
using Chalice.Gateway;
using Chalice.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chalice.Local;

/// <summary>
/// <c>dotnet run</c> for a Chalice.Net app: a Kestrel host that behaves like API Gateway's Lambda proxy
/// integration. Each request becomes the event's JSON and goes through the same dispatcher the Lambda uses.
/// </summary>
public static partial class LocalEmulator
{
    /// <summary>The generated <c>Main</c> calls this when not running on Lambda; returns the process exit code.</summary>
    public static async Task<int> RunAsync(ChaliceAppDefinition definition, string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}{Environment.NewLine}{Environment.NewLine}{EmulatorOptions.Usage}");
            return 2;
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(EmulatorOptions.Usage);
            return 0;
        }

        RunningEmulator emulator;
        try
        {
            emulator = await StartAsync(definition, options);
        }
        catch (Exception e) when (e is ChaliceConfigException or IOException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: {Describe(e)}");
            return 1;
        }
        await using (emulator)
        {
            Console.WriteLine($"Serving {definition.Name} ({Describe(options.ApiType)}, stage {options.Stage}) on {emulator.BaseAddress} — Ctrl+C to stop");
            await emulator.WaitForShutdownAsync();
        }
        return 0;
    }

    /// <summary>
    /// Starts the emulator: applies the stage's environment variables, constructs the app and listens. Dispose the
    /// result to stop. <paramref name="function"/> replaces the Lambda function behind the gateway (for tests of the
    /// gateway itself); by default it is the app's dispatcher.
    /// </summary>
    public static async Task<RunningEmulator> StartAsync(
        ChaliceAppDefinition definition, EmulatorOptions options, LambdaInvoker? function = null, CancellationToken cancellationToken = default)
    {
        var appDirectory = AppDirectory.Find(options.ProjectDirectory);
        var stage = ChaliceConfig.Load(appDirectory).ForStage(options.Stage);
        foreach (var (name, value) in stage.EnvironmentVariables)
            Environment.SetEnvironmentVariable(name, value);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the gateway answers oversized bodies itself
        });
        builder.WebHost.UseUrls($"http://{FormatHost(options.Host)}:{options.Port}");
        var web = builder.Build();

        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chalice.Local");
        var application = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { Logger = new LoggerAdapter(logger) });
        var gateway = new ApiGatewaySimulator(application.Routes, new GatewayOptions
        {
            ApiType = options.ApiType,
            Stage = options.ApiType == ApiGatewayType.Rest ? stage.ApiGatewayStage : null,
            IntegrationTimeout = options.Timeout,
        });
        function ??= (eventJson, ct) => application.Dispatcher.DispatchAsync(eventJson, lambdaContext: null, ct);
        var invoke = LogFailures(function, logger);

        web.Run(async context =>
        {
            var started = Stopwatch.GetTimestamp();
            var request = await HttpGatewayAdapter.ReadAsync(context, gateway.Options.MaxRequestBytes);
            var response = await gateway.HandleAsync(request, invoke, context.RequestAborted);
            await HttpGatewayAdapter.WriteAsync(context, response);
            LogRequest(logger, request.Method, context.Request.Path.Value ?? "/", response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });

        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await application.DisposeAsync();
            await web.DisposeAsync();
            throw new IOException($"Cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningEmulator(web, application, new Uri(address));
    }

    private static LambdaInvoker LogFailures(LambdaInvoker function, ILogger logger) => async (eventJson, ct) =>
    {
        try
        {
            return await function(eventJson, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFunctionError(logger, e);
            throw;
        }
    };

    private static string FormatHost(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;

    private static string Describe(ApiGatewayType type) => type switch
    {
        ApiGatewayType.Rest => "REST API",
        ApiGatewayType.HttpPayloadV2 => "HTTP API, payload 2.0",
        _ => "HTTP API, payload 1.0",
    };

    private static string Describe(Exception e) => e is InvalidOperationException && e.InnerException is { } inner ? inner.Message : e.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The function failed; the gateway answers with its error response")]
    private static partial void LogFunctionError(ILogger logger, Exception exception);

    /// <summary>The runtime's log entries, through the emulator's logger.</summary>
    private sealed class LoggerAdapter(ILogger logger) : IChaliceLogger
    {
        public void Log(ChaliceLogLevel level, string message, Exception? exception = null) =>
            logger.Log(level switch
            {
                ChaliceLogLevel.Debug => LogLevel.Debug,
                ChaliceLogLevel.Information => LogLevel.Information,
                ChaliceLogLevel.Warning => LogLevel.Warning,
                _ => LogLevel.Error,
            }, exception, "{Message}", message);
    }
}

/// <summary>A started emulator; dispose it to stop serving.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ChaliceApplication _application;

    internal RunningEmulator(WebApplication web, ChaliceApplication application, Uri baseAddress)
    {
        _web = web;
        _application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:8000</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app being served.</summary>
    public ChaliceApplication Application => _application;

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _web.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await _application.DisposeAsync();
    }
}
