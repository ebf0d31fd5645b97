using System.Net;
using Chalice.Configuration;
using Chalice.Functions;
using Chalice.Local.EventSources;
using Chalice.Local.S3;
using Chalice.Local.Sns;
using Chalice.Local.Sqs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Chalice.Local;

/// <summary>
/// The local stand-ins for AWS inside the emulator's host: S3, SQS and SNS, each on a loopback listener of its own
/// (a listener costs Kestrel one socket, and each service's SDK client gets a plain endpoint of its own, as on AWS),
/// with their data under the app's <c>.chalice/local/</c>. Created before the host is built (to add the listeners),
/// opened once it is (for its loggers) on a spare thread while Kestrel and the app start, pointed at by the SDK once
/// it listens. Requests that arrive before the stand-ins are open wait for them, so to the app the declared resources
/// exist from the start.
/// </summary>
internal sealed class LocalAwsStandIns : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private ListenOptions? _s3Listener;
    private ListenOptions? _sqsListener;
    private ListenOptions? _snsListener;
    private S3RequestHandler? _s3;
    private SqsRequestHandler? _sqs;
    private SnsRequestHandler? _sns;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ILoggerFactory? _loggers;
    private Task? _opening;
    private LocalEventSources? _eventSources;

    private LocalAwsStandIns(
        string appDirectory, IReadOnlyList<string> buckets, IReadOnlyList<string> queues, IReadOnlyList<string> topics, IReadOnlyList<FunctionDefinition> functions)
    {
        _dataDirectory = Path.Combine(appDirectory, ".chalice", "local");
        Buckets = buckets;
        Queues = queues;
        Topics = topics;
        HandlerBuckets = [.. LocalEventSources.Buckets(functions).Except(buckets, StringComparer.Ordinal)];
        HandlerQueues = [.. LocalEventSources.Queues(functions).Except(queues, StringComparer.Ordinal)];
        HandlerTopics = [.. LocalEventSources.Topics(functions).Except(topics, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The stand-ins a stage declares (<c>local_s3_buckets</c>, <c>local_sqs_queues</c>, <c>local_sns_topics</c>), plus
    /// the buckets, queues and topics the app's event handlers name, which the deployed app expects to exist.
    /// </summary>
    /// <exception cref="ChaliceConfigException">A declaration is malformed.</exception>
    public static LocalAwsStandIns For(string appDirectory, StageConfig stage, IReadOnlyList<FunctionDefinition>? functions = null) =>
        new(appDirectory, LocalS3Buckets.Of(stage), LocalSqsQueues.Of(stage), LocalSnsTopics.Of(stage), functions ?? []);

    /// <summary>
    /// Starts the stage's stand-ins on a bare host of their own, open and pointed at by the SDK: for work outside the
    /// emulator's host, such as <c>invoke</c>. The host stops when the returned value is disposed.
    /// </summary>
    /// <exception cref="ChaliceConfigException">A declaration is malformed.</exception>
    /// <exception cref="IOException">The local data cannot be opened.</exception>
    public static async Task<StandaloneStandIns> StartStandaloneAsync(
        string appDirectory, StageConfig stage, IReadOnlyList<FunctionDefinition> functions, ILoggerFactory loggers)
    {
        // The resources the app's handlers name exist here too, as in the emulator; nothing invokes the handlers.
        var standIns = For(appDirectory, stage, functions);
        standIns.Configure(loggers, eventSources: null);
        var (web, _) = await StandInWebHost.StartAsync(
            context => standIns.HandlerFor(context.Connection.LocalPort)!(context), standIns.Listen, CancellationToken.None);
        standIns.PointSdkAtStandIns();
        standIns.StartOpening();
        await standIns.Opened;
        return new StandaloneStandIns(web, standIns);
    }

    /// <summary>Stand-ins on a host of their own; disposing stops it.</summary>
    public sealed class StandaloneStandIns(WebApplication web, LocalAwsStandIns standIns) : IAsyncDisposable
    {
        public IEnumerable<string> BannerLines() => standIns.BannerLines();


        public async ValueTask DisposeAsync()
        {
            await web.StopAsync();
            await web.DisposeAsync();
            await standIns.DisposeAsync();
        }
    }

    public IReadOnlyList<string> Buckets { get; }
    public IReadOnlyList<string> Queues { get; }
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The buckets the app's S3 handlers name that the stage does not declare; created at start too.</summary>
    public IReadOnlyList<string> HandlerBuckets { get; }

    /// <summary>The queues the app's SQS handlers name that the stage does not declare; created at start too.</summary>
    public IReadOnlyList<string> HandlerQueues { get; }

    /// <summary>The topics the app's SNS handlers name that the stage does not declare; created at start too.</summary>
    public IReadOnlyList<string> HandlerTopics { get; }

    public Uri? S3Endpoint { get; private set; }
    public Uri? SqsEndpoint { get; private set; }
    public Uri? SnsEndpoint { get; private set; }

    /// <summary>Adds the stand-ins' loopback listeners to the host's Kestrel options.</summary>
    public void Listen(KestrelServerOptions kestrel)
    {
        kestrel.Listen(IPAddress.Loopback, 0, endpoint => _s3Listener = endpoint);
        kestrel.Listen(IPAddress.Loopback, 0, endpoint => _sqsListener = endpoint);
        kestrel.Listen(IPAddress.Loopback, 0, endpoint => _snsListener = endpoint);
    }

    /// <summary>
    /// Gives the stand-ins their loggers and the app's event sources (S3 notifications, SNS's lambda subscriptions,
    /// the SQS event source mappings, started once the stand-ins are open); none for <c>invoke</c>.
    /// </summary>
    public void Configure(ILoggerFactory loggers, LocalEventSources? eventSources)
    {
        _loggers = loggers;
        _eventSources = eventSources;
    }

    /// <summary>
    /// Opens the data folders and creates the declared buckets, queues and topics on a spare thread, once the emulator
    /// serves: measured with tools/bench/local-aws-startup.sh, opening them on the start-up path (inline or beside
    /// it) added 65 to 110 ms to the emulator's first 200 on a 2-core machine, most of it the JIT compiling the
    /// stand-ins' code (cold: S3 about 50 ms, SQS 40, SNS 8).
    /// </summary>
    public void StartOpening() => _opening = Task.Run(() =>
    {
        try
        {
            Open(_loggers ?? throw new InvalidOperationException("Configure was not called."), _eventSources);
            _opened.TrySetResult();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or UnauthorizedAccessException or IOException)
        {
            // One line for the developer, not a stack trace: what cannot be read, and how to start afresh.
            _opened.TrySetException(new IOException(
                $"The local AWS data under {_dataDirectory} cannot be opened ({e.Message}); move the folder away to start with empty stand-ins.", e));
        }
        catch (Exception e)
        {
            _opened.TrySetException(e);
        }
    });

    /// <summary>Completes when the stand-ins are open; faults with what stopped them (a data folder that cannot be read).</summary>
    public Task Opened => _opened.Task;

    private void Open(ILoggerFactory loggers, LocalEventSources? eventSources)
    {
        _s3 = new S3RequestHandler(new S3StandInOptions
        {
            DataDirectory = Path.Combine(_dataDirectory, "s3"),
            KnownBuckets = [.. Buckets, .. HandlerBuckets],
            ChangeListener = eventSources?.S3,
            Logger = loggers.CreateLogger("Chalice.Local.S3"),
        });
        var sqs = _sqs = new SqsRequestHandler(new SqsStandInOptions
        {
            DataDirectory = Path.Combine(_dataDirectory, "sqs"),
            KnownQueues = [.. Queues, .. HandlerQueues],
            Logger = loggers.CreateLogger("Chalice.Local.Sqs"),
        });
        var sns = _sns = new SnsRequestHandler(new SnsStandInOptions
        {
            DataDirectory = Path.Combine(_dataDirectory, "sns"),
            KnownTopics = [.. Topics, .. HandlerTopics],
            Sqs = _sqs,
            LambdaTarget = eventSources?.Sns,
            Logger = loggers.CreateLogger("Chalice.Local.Sns"),
        });
        eventSources?.StartOnStandIns(
            () => sqs.Queues,
            (topic, functionArn) => sns.Topics.Subscribe(sns.Topics.ArnOf(topic), "lambda", functionArn, []));
    }

    /// <summary>The stand-in serving a connection that arrived on <paramref name="localPort"/>, or null for the app's own.</summary>
    public RequestDelegate? HandlerFor(int localPort)
    {
        if (localPort == Port(_s3Listener))
            return async context => { await Opened; await _s3!.HandleAsync(context); };
        if (localPort == Port(_sqsListener))
            return async context => { await Opened; await _sqs!.HandleAsync(context); };
        if (localPort == Port(_snsListener))
            return async context => { await Opened; await _sns!.HandleAsync(context); };
        return null;
    }

    /// <summary>Whether a port is one of the stand-ins' (so not the emulator's own address).</summary>
    public bool Owns(int port) => port == Port(_s3Listener) || port == Port(_sqsListener) || port == Port(_snsListener);

    /// <summary>Once the host listens: records the endpoints and points the app's AWS SDK clients at them.</summary>
    public void PointSdkAtStandIns()
    {
        S3Endpoint = Loopback(_s3Listener);
        SqsEndpoint = Loopback(_sqsListener);
        SnsEndpoint = Loopback(_snsListener);
        LocalAwsEnvironment.PointSdkAt(S3Endpoint, SqsEndpoint, SnsEndpoint);
    }

    /// <summary>The banner lines naming what runs locally.</summary>
    public IEnumerable<string> BannerLines()
    {
        yield return $"AWS S3, SQS and SNS calls go to local stand-ins (S3 {S3Endpoint}, SQS {SqsEndpoint}, SNS {SnsEndpoint}; data in .chalice/local); run with --aws for real AWS";
        yield return LocalEmulator.S3BucketsLine(Buckets);
        yield return Queues.Count == 0
            ? "SQS queues: none declared; other queues answer QueueDoesNotExist until the app creates them (declare existing ones in \"local_sqs_queues\")"
            : $"SQS queues: {string.Join(", ", Queues)} (from \"local_sqs_queues\")";
        yield return Topics.Count == 0
            ? "SNS topics: none declared; other topics answer NotFound until the app creates them (declare existing ones in \"local_sns_topics\")"
            : $"SNS topics: {string.Join(", ", Topics)} (from \"local_sns_topics\")";
        if (HandlerBuckets.Count + HandlerQueues.Count + HandlerTopics.Count > 0)
            yield return $"Named by the app's handlers, so created too: {string.Join("; ", new[] { Named("buckets", HandlerBuckets), Named("queues", HandlerQueues), Named("topics", HandlerTopics) }.Where(n => n.Length > 0))}";

        static string Named(string what, IReadOnlyList<string> names) => names.Count == 0 ? "" : $"{what} {string.Join(", ", names)}";
    }

    /// <summary>Writes what the SQS stand-in still has queued for the disk; call after the host stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_opening is not null)
            await _opening; // it records its own failure in Opened
        _sns?.Dispose();
        if (_sqs is not null)
            await _sqs.DisposeAsync();
    }

    private static int Port(ListenOptions? listener) => listener is null ? -1 : ((IPEndPoint)listener.EndPoint).Port;

    private static Uri Loopback(ListenOptions? listener) => new($"http://127.0.0.1:{Port(listener)}");
}
