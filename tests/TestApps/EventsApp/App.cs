using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chalice.EventsApp;

/// <summary>
/// One function of every kind. Handlers that return nothing tell <see cref="ISeen"/> what they saw (logged, so that a
/// test reads it from the Lambda's output; a test client test records it instead); the others return what they found.
/// </summary>
[ChaliceApp("eventsapp")]
public partial class App(ISeen seen)
{
    public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<ISeen, LoggedSeen>();

    [Route("/")]
    public string Index() => "eventsapp";

    [Schedule("rate(5 minutes)", Name = "every_five_minutes", Description = "Counts what is waiting")]
    public void EveryFiveMinutes(EventBridgeEvent scheduled) =>
        seen.Saw("every_five_minutes", $"{scheduled.DetailType} from {scheduled.Source} for {string.Join(",", scheduled.Resources)}");

    [Schedule("cron(0 3 * * ? *)")]
    public async Task Nightly(CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        seen.Saw(nameof(Nightly), "ran");
    }

    /// <summary>The key arrives decoded: S3 sends it URL-encoded.</summary>
    [OnS3Event("uploads", Prefix = "photos/", Suffix = ".jpg")]
    public void Resize(S3Event upload, ILambdaContext context) =>
        seen.Saw(nameof(Resize), $"{upload.Records[0].EventName} {upload.Bucket}/{upload.Key} in {context.FunctionName}");

    /// <summary>Fails exactly the messages whose body asks for it; the others are deleted from the queue.</summary>
    [OnSqsMessage("orders", BatchSize = 10, MaximumBatchingWindowInSeconds = 1)]
    public BatchResponse ProcessOrders(SqsEvent batch, ILogger<App> log)
    {
        var response = new BatchResponse();
        foreach (var message in batch.Records)
        {
            if (message.Body.Contains("fail", StringComparison.Ordinal))
            {
                log.LogWarning("Order message {Id} failed", message.MessageId);
                response.AddFailure(message);
            }
        }
        return response;
    }

    [OnSnsMessage("alerts", Name = "alert")]
    public async Task Alert(SnsEvent notification, [FromServices] ISeen recorder)
    {
        await Task.Yield();
        recorder.Saw("alert", $"{notification.Subject}: {notification.Message}");
    }

    /// <summary>An EventBridge pattern with a typed detail, read through the app's JSON context.</summary>
    [OnCloudWatchEvent("""{"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["stopped"]}}""")]
    public void InstanceStopped(EventBridgeEvent<InstanceState> change) =>
        seen.Saw(nameof(InstanceStopped), $"{change.Detail.InstanceId} is {change.Detail.State}");

    [OnKinesisRecord("clicks", BatchSize = 500, StartingPosition = StartingPosition.TrimHorizon)]
    public async Task<BatchResponse> Clicks(KinesisEvent records, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        var response = new BatchResponse();
        foreach (var record in records.Records.Where(r => Encoding.UTF8.GetString(r.Kinesis.Data) == "bad click"))
            response.AddFailure(record);
        return response;
    }

    [OnDynamoDBRecord("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000")]
    public ValueTask<BatchResponse> OrderChanges(DynamoDBEvent changes)
    {
        var response = new BatchResponse();
        foreach (var change in changes.Records.Where(r => r.EventName == "REMOVE"))
            response.AddFailure(change);
        return ValueTask.FromResult(response);
    }

    /// <summary>A pure function: typed input and output through the app's JSON context.</summary>
    [LambdaFunction(Name = "add")]
    public static Sum Add(Numbers input) => new(input.A + input.B, $"{input.A} + {input.B}");

    /// <summary>A pure function on any JSON, which sees its invocation's context.</summary>
    [LambdaFunction]
    public static JsonObject Describe(JsonNode? input, ILambdaContext context) => new()
    {
        ["kind"] = input?.GetValueKind().ToString() ?? "Null",
        ["members"] = input is JsonObject members ? members.Count : 0,
        ["deadlineAhead"] = context.RemainingTime > TimeSpan.Zero,
    };

    /// <summary>What the stage's settings set: the function's own environment variables over the stage's.</summary>
    [LambdaFunction(Name = "settings")]
    public static string Settings(ILambdaContext context) =>
        $"{Environment.GetEnvironmentVariable("EVENTSAPP_GREETING") ?? "unset"} from {context.FunctionName} with {context.MemoryLimitInMB} MB";

    [LambdaFunction]
    public static string Explode(ILogger<App> log)
    {
        log.LogInformation("About to fail");
        throw new InvalidOperationException("the warehouse is on fire");
    }
}
