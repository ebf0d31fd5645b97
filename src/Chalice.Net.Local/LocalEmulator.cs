using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chalice.Local.EventSources;
using Chalice.Local.S3;
using Chalice.Configuration;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Hosting;
using Chalice.Project;
using Chalice.Project.Invoke;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Chalice.Project.LocalTokens;

namespace Chalice.Local;

/// <summary>
/// <c>dotnet run</c> for a Chalice.Net app: a Kestrel host that behaves like API Gateway's Lambda proxy
/// integration. Each request becomes the event's JSON and goes through the same dispatcher the Lambda uses.
/// </summary>
public static partial class LocalEmulator
{
    /// <summary>
    /// The generated <c>Main</c> calls this when not running on Lambda; returns the process exit code. <c>invoke NAME</c>
    /// runs one function instead (<see cref="LocalInvocation"/>).
    /// </summary>
    public static async Task<int> RunAsync(ChaliceAppDefinition definition, string[] args)
    {
        if (args is [InvokeCommandLine.Verb, ..])
            return await LocalInvocation.RunAsync(definition, args[1..]);
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message} (--help lists the options)");
            return 2;
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(EmulatorOptions.Usage);
            return 0;
        }

        // Before the stage's settings are read: the path it warms is mostly the same for every API type.
        GatewayWarmUp.Start(options.ApiType ?? ApiGatewayType.Rest);
        RunningEmulator emulator;
        try
        {
            emulator = await StartAsync(definition, options);
        }
        catch (Exception e) when (e is ChaliceConfigException or AppProjectException or IOException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: {Describe(e)}");
            return 1;
        }
        await using (emulator)
        {
            Console.WriteLine($"Serving {definition.Name} ({Describe(emulator.ApiType)}, stage {options.Stage}) on {emulator.BaseAddress}");
            foreach (var line in emulator.BannerLines())
                Console.WriteLine(line);
            Console.WriteLine("Press Ctrl+C to stop");
            try
            {
                await emulator.LocalAwsReady;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
            await emulator.WaitForShutdownAsync();
        }
        return 0;
    }

    /// <summary>
    /// Starts the emulator: applies the stage's environment variables, starts the local AWS stand-ins (unless the stage
    /// or <see cref="EmulatorOptions.UseRealAws"/> asks for real AWS), constructs the app and listens. Dispose the result
    /// to stop. <paramref name="function"/> replaces the Lambda function behind the gateway (for tests of the gateway
    /// itself); by default it is the app's dispatcher.
    /// </summary>
    public static Task<RunningEmulator> StartAsync(
        ChaliceAppDefinition definition, EmulatorOptions options, LambdaInvoker? function = null, CancellationToken cancellationToken = default) =>
        StartAsync(definition, options, function, logOutput: null, cancellationToken);

    /// <summary>
    /// <see cref="StartAsync(ChaliceAppDefinition, EmulatorOptions, LambdaInvoker?, CancellationToken)"/>, writing the
    /// emulator's and the app's log lines to <paramref name="logOutput"/> (standard output when null).
    /// </summary>
    internal static async Task<RunningEmulator> StartAsync(
        ChaliceAppDefinition definition, EmulatorOptions options, LambdaInvoker? function, TextWriter? logOutput, CancellationToken cancellationToken)
    {
        var appDirectory = AppProject.FindServedDirectory(options.ProjectDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var config = ChaliceConfig.Load(appDirectory);
        var stage = config.ForStage(options.Stage);
        // The settings the emulator uses must be readable, or it would not serve what the file describes; any other
        // problem (an unknown key, a memory size Lambda refuses) stops a deploy but only earns a warning here.
        var environment = stage.EnvironmentVariables;
        var apiGatewayStage = stage.ApiGatewayStage;
        // The API the stage deploys, unless --api says otherwise.
        var apiType = options.ApiType ?? EmulatorOptions.GatewayTypeOf(stage.ApiGatewayType);
        var localAuthorizers = stage.LocalAuthorizers;
        var useLocalAws = stage.LocalAws && !options.UseRealAws;
        foreach (var problem in config.Validate(options.Stage))
            await Console.Error.WriteLineAsync($"warning: {problem}");
        var apiKeys = LocalApiKeys.Values(stage.ApiKeys, Environment.GetEnvironmentVariable, message => Console.Error.WriteLine($"warning: {message}"));
        foreach (var (name, value) in environment)
            Environment.SetEnvironmentVariable(name, value);
        var localAws = useLocalAws ? LocalAwsStandIns.For(appDirectory, stage, definition.Functions) : null;
        // The stand-in for the app's user pools and JWT issuers, whose tokens chalice-net token prints: its key is made
        // only for an app that has such an authorizer.
        var signingKey = TokenAuthorizers.AnyIn(definition.Authorizers) ? LocalSigningKey.ForApp(appDirectory) : null;

        // The emptiest host: no configuration sources, no default logging, Kestrel without HTTPS or HTTP/3, since
        // start-up time is part of the local loop.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = definition.Name });
        builder.WebHost.UseKestrelCore();
        var console = new BatchingConsoleLoggerProvider(logOutput);
        builder.Logging.AddProvider(console);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // The access log is the emulator's own. Hosting's request logger, even silent, would make ASP.NET Core create
        // an Activity and a log scope for every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // A host that fails to start (a port in use) is reported below in one line; the host's own log of it is the
        // exception's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the gateway answers oversized bodies itself
            Listen(kestrel, options.Host, options.Port);
            localAws?.Listen(kestrel);
        });
        var web = builder.Build();
        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chalice.Local");

        // The app is constructed once the stand-ins' endpoints are known, since its AWS clients read them then.
        var ready = new TaskCompletionSource<(ApiGatewaySimulator Gateway, LambdaInvoker Invoke)>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<Exception> onFunctionError = exception => LogFunctionError(logger, exception);
        web.Run(async context =>
        {
            if (localAws?.HandlerFor(context.Connection.LocalPort) is { } standIn)
            {
                await standIn(context);
                return;
            }
            var (gateway, invoke) = await ready.Task;
            var started = Stopwatch.GetTimestamp();
            var request = await HttpGatewayAdapter.ReadAsync(context, gateway.Options.MaxRequestBytes);
            var response = await gateway.HandleAsync(request, invoke, onFunctionError, context.RequestAborted);
            await HttpGatewayAdapter.WriteAsync(context, response);
            LogRequest(logger, request.Method, context.Request.Path.Value ?? "/", response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });

        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await web.DisposeAsync();
            if (localAws is not null)
                await localAws.DisposeAsync();
            console.Dispose();
            throw new IOException(IsAddressInUse(e)
                ? $"{options.Host}:{options.Port} is already in use; stop what listens there, or pick another port with --port (--port 0 picks a free one)."
                : $"Cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }
        localAws?.PointSdkAtStandIns();

        ChaliceApplication application;
        try
        {
            // The app logs through its own container (ILogger<T> in its constructor and handlers), to the same console
            // lines as the emulator's access log.
            application = ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = logging => logging.AddProvider(console) });
        }
        catch
        {
            await web.StopAsync(CancellationToken.None);
            await web.DisposeAsync();
            if (localAws is not null)
                await localAws.DisposeAsync();
            console.Dispose();
            throw;
        }
        var gateway = new ApiGatewaySimulator(application.Routes, GatewayOptions.For(application.Definition, new GatewayOptions
        {
            ApiType = apiType,
            Stage = apiType == ApiGatewayType.Rest ? apiGatewayStage : null,
            IntegrationTimeout = options.Timeout,
            AllowUnavailableAuthorizers = localAuthorizers == "allow",
            ApiKeys = apiKeys,
        }), time: null, LocalAuthorizerFunctions.Of(application, message => LogAuthorizerWarning(logger, message), signingKey));
        function ??= (eventJson, ct) => application.Dispatcher.DispatchAsync(eventJson, lambdaContext: null, ct);
        // The event handlers run through the same dispatcher, invoked by what would invoke them on AWS.
        var loggers = web.Services.GetRequiredService<ILoggerFactory>();
        var eventSources = new LocalEventSources(
            definition.Functions, definition.Name, options.Stage,
            (handler, payload, ct) => application.Dispatcher.InvokeAsync(handler, payload, lambdaContext: null, ct),
            loggers, TimeProvider.System, options.RunSchedules);
        localAws?.Configure(loggers, eventSources);
        ready.SetResult((gateway, function));
        localAws?.StartOpening();
        eventSources.StartSchedules();

        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a))
            .First(a => localAws is null || !localAws.Owns(a.Port));
        return new RunningEmulator(web, application, console, address, localAws, eventSources, apiType);
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            kestrel.ListenLocalhost(port);
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            kestrel.Listen(address, port);
        else
            throw new IOException($"--host must be an IP address or localhost, not '{host}'.");
    }

    /// <summary>The banner line naming the buckets the S3 stand-in starts with.</summary>
    internal static string S3BucketsLine(IReadOnlyList<string> buckets) => buckets.Count == 0
        ? "S3 buckets: none declared; other buckets answer NoSuchBucket until the app creates them (declare existing ones in \"local_s3_buckets\")"
        : $"S3 buckets: {string.Join(", ", buckets)} (from \"local_s3_buckets\"); other buckets answer NoSuchBucket until the app creates them";

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
                return true;
        }
        return false;
    }

    private static string Describe(ApiGatewayType type) => type switch
    {
        ApiGatewayType.Rest => "REST API",
        ApiGatewayType.HttpPayloadV2 => "HTTP API, payload 2.0",
        _ => "HTTP API, payload 1.0",
    };

    private static string Describe(Exception e) => e is InvalidOperationException && e.InnerException is { } inner ? inner.Message : e.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogAuthorizerWarning(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The function failed; the gateway answers with its error response")]
    private static partial void LogFunctionError(ILogger logger, Exception exception);
}

/// <summary>A started emulator; dispose it to stop serving.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ChaliceApplication _application;
    private readonly BatchingConsoleLoggerProvider _console;

    internal RunningEmulator(
        WebApplication web, ChaliceApplication application, BatchingConsoleLoggerProvider console, Uri baseAddress, LocalAwsStandIns? localAws,
        LocalEventSources eventSources, ApiGatewayType apiType)
    {
        ApiType = apiType;
        _web = web;
        _application = application;
        _console = console;
        BaseAddress = baseAddress;
        LocalAws = localAws;
        EventSources = eventSources;
    }

    internal LocalAwsStandIns? LocalAws { get; }

    /// <summary>What invokes the app's event handlers locally.</summary>
    internal LocalEventSources EventSources { get; }

    /// <summary>The start-up banner after its first line: the routes, the local AWS stand-ins, the functions and what invokes them.</summary>
    internal IEnumerable<string> BannerLines()
    {
        var routes = _application.Definition.Routes;
        yield return routes.Count == 0
            ? "Routes: none"
            : $"Routes: {string.Join(", ", routes.Select(r => $"{string.Join("|", r.Methods)} {r.Path}"))}";
        foreach (var line in LocalAws?.BannerLines() ?? ["AWS calls go to real AWS"])
            yield return line;
        foreach (var line in EventSources.BannerLines(standInsRun: LocalAws is not null))
            yield return line;
    }

    /// <summary>
    /// Completes once the local stand-ins have opened their data and created the declared buckets, queues and topics
    /// (at once for real AWS). They open beside the app's start so as not to delay it; requests to them wait for it.
    /// </summary>
    /// <exception cref="IOException">The local data cannot be opened; the message says which and what to do.</exception>
    public Task LocalAwsReady => LocalAws?.Opened ?? Task.CompletedTask;

    /// <summary>The API type served: <see cref="EmulatorOptions.ApiType"/>, else the stage's <c>"api_gateway_type"</c>.</summary>
    public ApiGatewayType ApiType { get; }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:8000/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The local S3 stand-in's endpoint, or null when the app uses real AWS.</summary>
    public Uri? S3Endpoint => LocalAws?.S3Endpoint;

    /// <summary>The buckets the S3 stand-in was started with (<see cref="LocalS3Buckets.Of"/>); empty for real AWS.</summary>
    public IReadOnlyList<string> S3Buckets => LocalAws?.Buckets ?? [];

    /// <summary>The local SQS stand-in's endpoint, or null when the app uses real AWS.</summary>
    public Uri? SqsEndpoint => LocalAws?.SqsEndpoint;

    /// <summary>The queues the SQS stand-in was started with (<see cref="Sqs.LocalSqsQueues.Of"/>); empty for real AWS.</summary>
    public IReadOnlyList<string> SqsQueues => LocalAws?.Queues ?? [];

    /// <summary>The local SNS stand-in's endpoint, or null when the app uses real AWS.</summary>
    public Uri? SnsEndpoint => LocalAws?.SnsEndpoint;

    /// <summary>The topics the SNS stand-in was started with (<see cref="Sns.LocalSnsTopics.Of"/>); empty for real AWS.</summary>
    public IReadOnlyList<string> SnsTopics => LocalAws?.Topics ?? [];

    /// <summary>The app being served.</summary>
    public ChaliceApplication Application => _application;

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _web.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await EventSources.DisposeAsync(); // before the stand-ins it polls and notifies from
        if (LocalAws is not null)
            await LocalAws.DisposeAsync(); // after the host: no request can queue more for the disk
        await _application.DisposeAsync();
        _console.Dispose(); // writes what is still queued
    }
}
