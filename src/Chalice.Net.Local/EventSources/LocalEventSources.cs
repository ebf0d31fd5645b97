using System.Globalization;
using Chalice.Functions;
using Chalice.Local.S3;
using Chalice.Local.Sns;
using Chalice.Local.Sqs.Queues;
using Chalice.Testing;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>
/// What invokes the app's event handlers inside the emulator, as AWS's services would on the deployed app: S3
/// notifications from the S3 stand-in, schedules on the local clock, an event source mapping per SQS handler on the
/// SQS stand-in, and SNS's <c>lambda</c> subscriptions. The resources the handlers name (buckets, queues, topics)
/// exist from the start, as the deployed app expects them to. Kinesis, DynamoDB and EventBridge-pattern handlers have
/// no local source; the banner says so and <c>chalice-net invoke</c> runs them.
/// </summary>
internal sealed class LocalEventSources : IAsyncDisposable
{
    private readonly IReadOnlyList<FunctionDefinition> _functions;
    private readonly string _appName;
    private readonly string _stage;
    private readonly EventBuilder _events;
    private readonly AsynchronousInvoker _invoker;
    private readonly FunctionInvocation _invoke;
    private readonly ILogger _logger;
    private readonly LocalScheduler? _scheduler;
    private readonly List<SqsEventSourceMapping> _mappings = [];

    public LocalEventSources(
        IReadOnlyList<FunctionDefinition> functions, string appName, string stage, FunctionInvocation invoke, ILoggerFactory loggers,
        TimeProvider clock, bool runSchedules, IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        _functions = functions;
        _appName = appName;
        _stage = stage;
        _invoke = invoke;
        _logger = loggers.CreateLogger("Chalice.Local.Events");
        _events = new EventBuilder();
        _invoker = new AsynchronousInvoker(invoke, _logger, clock, retryDelays);
        S3 = new S3Notifications(functions, _invoker, _events);
        Sns = new SnsFunctionTarget(
            functions.Where(f => f.Kind == FunctionKind.Sns).ToDictionary(FunctionArn, StringComparer.Ordinal), _invoker, _logger);
        if (runSchedules)
            _scheduler = new LocalScheduler(functions, appName, stage, _invoker, _events, clock, _logger);
    }

    /// <summary>The S3 stand-in's listener that raises S3 notifications.</summary>
    public IS3ChangeListener S3 { get; }

    /// <summary>The SNS stand-in's target for lambda subscriptions.</summary>
    public ISnsDeliveryTarget Sns { get; }

    /// <summary>Asynchronous invocations (S3, SNS, schedules), for tests that wait for them.</summary>
    internal AsynchronousInvoker Invoker => _invoker;

    /// <summary>The buckets the app's S3 handlers name.</summary>
    public static IReadOnlyList<string> Buckets(IEnumerable<FunctionDefinition> functions) =>
        [.. functions.Select(f => f.Source).OfType<S3EventSettings>().Select(s => s.Bucket).Distinct(StringComparer.Ordinal)];

    /// <summary>The queues the app's SQS handlers name.</summary>
    public static IReadOnlyList<string> Queues(IEnumerable<FunctionDefinition> functions) =>
        [.. functions.Select(f => f.Source).OfType<SqsSettings>().Select(s => s.QueueName).Distinct(StringComparer.Ordinal)];

    /// <summary>The topics the app's SNS handlers name.</summary>
    public static IReadOnlyList<string> Topics(IEnumerable<FunctionDefinition> functions) =>
        [.. functions.Select(f => f.Source).OfType<SnsSettings>().Select(s => s.TopicName).Distinct(StringComparer.Ordinal)];

    /// <summary>Starts the schedules, which need no stand-in; logs when each fires next.</summary>
    public void StartSchedules() => _scheduler?.Start();

    /// <summary>
    /// Once the stand-ins are open: subscribes each SNS handler to its topic by its function's ARN (as the deployer
    /// does; SNS keeps one subscription per topic, protocol and endpoint) and starts an event source mapping per SQS handler.
    /// </summary>
    public void StartOnStandIns(Func<QueueRegistry> queues, Action<string, string> subscribeFunction)
    {
        foreach (var function in _functions.Where(f => f.Kind == FunctionKind.Sns))
            subscribeFunction(((SnsSettings)function.Source!).TopicName, FunctionArn(function));
        foreach (var function in _functions.Where(f => f.Kind == FunctionKind.Sqs))
        {
            var mapping = new SqsEventSourceMapping(function, queues, _invoke, _events, _logger);
            _mappings.Add(mapping);
            mapping.Start();
        }
    }

    /// <summary>The deployed function's ARN: <c>{app}-{stage}-{name}</c>, as Chalice names it.</summary>
    private string FunctionArn(FunctionDefinition function) =>
        $"arn:aws:lambda:{_events.Region}:{_events.AccountId}:function:{_appName}-{_stage}-{function.Name}";

    /// <summary>
    /// The banner's lines about the app's functions and what invokes them locally. With real AWS
    /// (<paramref name="standInsRun"/> false) only the schedules run here: real buckets, queues and topics notify the
    /// deployed functions, not this process.
    /// </summary>
    public IEnumerable<string> BannerLines(bool standInsRun)
    {
        if (_functions.Count == 0)
            yield break;
        yield return $"Functions: {string.Join(", ", _functions.Select(f => $"{f.Name} ({Describe(f.Kind)})"))}";
        foreach (var function in _functions)
        {
            switch (function.Source)
            {
                case ScheduleSettings schedule when _scheduler is null:
                    yield return $"  schedule {function.Name}: {schedule.Expression}, off (--no-schedules)";
                    break;
                case S3EventSettings or SqsSettings or SnsSettings when !standInsRun:
                    yield return $"  {function.Name}: not invoked here with real AWS (its events go to the deployed function); run it with chalice-net invoke {function.Name}";
                    break;
                case S3EventSettings s3:
                    yield return $"  S3 {function.Name}: {string.Join(", ", s3.Events)} in bucket {s3.Bucket}{Filter(s3)}";
                    break;
                case SqsSettings sqs:
                    yield return string.Create(CultureInfo.InvariantCulture,
                        $"  SQS {function.Name}: queue {sqs.QueueName}, batches of up to {sqs.BatchSize} (window {sqs.MaximumBatchingWindowInSeconds} s), {sqs.MaximumConcurrency ?? SqsEventSourceMapping.DefaultConcurrency} at once");
                    break;
                case SnsSettings sns:
                    yield return $"  SNS {function.Name}: topic {sns.TopicName}";
                    break;
                case KinesisSettings or DynamoDBStreamSettings or CloudWatchEventSettings:
                    yield return $"  {function.Name}: no local source for {Describe(function.Kind)} events; run it with chalice-net invoke {function.Name}";
                    break;
            }
        }
        foreach (var (name, expression, next) in _scheduler?.Upcoming() ?? [])
        {
            yield return next is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"  schedule {name}: {expression}, next at {at:yyyy-MM-ddTHH:mm:ssZ}")
                : $"  schedule {name}: {expression}, never again (its years are past)";
        }
    }

    private static string Filter(S3EventSettings s3) => (s3.Prefix, s3.Suffix) switch
    {
        (null, null) => "",
        var (prefix, suffix) => $", keys {prefix}*{suffix}",
    };

    private static string Describe(FunctionKind kind) => kind switch
    {
        FunctionKind.Pure => "invoked directly",
        FunctionKind.Schedule => "schedule",
        FunctionKind.CloudWatch => "EventBridge",
        FunctionKind.DynamoDB => "DynamoDB stream",
        FunctionKind.Sqs => "SQS",
        FunctionKind.Sns => "SNS",
        _ => kind.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
            await _scheduler.DisposeAsync();
        foreach (var mapping in _mappings)
            await mapping.DisposeAsync();
        await _invoker.DisposeAsync();
    }
}
