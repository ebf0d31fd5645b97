using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Aws.Sqs;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// An AWS account in memory for the services the deployer calls, so that planner behaviour is tested without moto
/// (the moto suites prove the wire). Every call is reported to <see cref="Calls"/> like the real clients' attempts;
/// <see cref="Inject"/> makes chosen calls fail.
/// </summary>
internal sealed class InMemoryAws : IAwsApis, IAwsCallObserver
{
    /// <summary>The account id (moto's, so that expectations read the same in both suites).</summary>
    public const string Account = "123456789012";

    private readonly InMemoryCalls _calls;

    public InMemoryAws(string region = "us-east-1")
    {
        Region = region;
        _calls = new InMemoryCalls(this);
        FakeIam = new InMemoryIam(_calls, Account);
        FakeSqs = new InMemorySqs(_calls, region, Account);
        FakeLambda = new InMemoryLambda(_calls, FakeIam, FakeSqs, region, Account);
        FakeApiGateway = new InMemoryApiGateway(_calls);
        FakeApiGatewayV2 = new InMemoryApiGatewayV2(_calls, region);
        FakeEventBridge = new InMemoryEventBridge(_calls, region, Account);
        FakeSns = new InMemorySns(_calls, region, Account);
        FakeS3 = new InMemoryS3(_calls, FakeLambda);
        FakeLogs = new InMemoryLogs(_calls, region, Account);
        // The real waiters over the in-memory Lambda, without pauses.
        LambdaWaiter = new LambdaFunctionWaiter(FakeLambda, static (_, _) => Task.CompletedTask);
        EventSourceMappingWaiter = new EventSourceMappingWaiter(FakeLambda, static (_, _) => Task.CompletedTask);
    }

    /// <summary>The calls made since <see cref="CountCalls"/> (or since the start), as the real clients' observer sees them.</summary>
    public AwsCallRecorder Calls { get; private set; } = new();

    public string Region { get; }

    public InMemoryIam FakeIam { get; }

    public InMemoryLambda FakeLambda { get; }

    public InMemoryApiGateway FakeApiGateway { get; }

    public InMemoryApiGatewayV2 FakeApiGatewayV2 { get; }

    public InMemoryEventBridge FakeEventBridge { get; }

    public InMemorySns FakeSns { get; }

    public InMemorySqs FakeSqs { get; }

    public InMemoryS3 FakeS3 { get; }

    public InMemoryLogs FakeLogs { get; }

    public IIamApi Iam => FakeIam;

    public ILambdaApi Lambda => FakeLambda;

    public IApiGatewayApi ApiGateway => FakeApiGateway;

    public IApiGatewayV2Api ApiGatewayV2 => FakeApiGatewayV2;

    public IEventBridgeApi EventBridge => FakeEventBridge;

    public ISnsApi Sns => FakeSns;

    public ISqsApi Sqs => FakeSqs;

    public IS3Api S3 => FakeS3;

    public ICloudWatchLogsApi Logs => FakeLogs;

    public LambdaFunctionWaiter LambdaWaiter { get; }

    public EventSourceMappingWaiter EventSourceMappingWaiter { get; }

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of <paramref name="operation"/> (e.g. <c>Lambda CreateFunction</c>) fail,
    /// after <paramref name="skip"/> calls of it that succeed.
    /// </summary>
    public void Inject(string operation, InjectedFault fault, int times = 1, int skip = 0) => _calls.Inject(operation, fault, times, skip);

    /// <summary>Removes every injected fault.</summary>
    public void Heal() => _calls.Heal();

    /// <summary>Starts counting calls afresh; the returned recorder sees the calls from now on.</summary>
    public AwsCallRecorder CountCalls() => Calls = new AwsCallRecorder();

    void IAwsCallObserver.OnAttempt(AwsCallAttempt attempt) => Calls.OnAttempt(attempt);
}
