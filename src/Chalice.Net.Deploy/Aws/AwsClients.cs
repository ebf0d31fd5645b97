using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Http;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.Protocols;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Aws.Sqs;
using Chalice.Deploy.Aws.Sts;

namespace Chalice.Deploy.Aws;

/// <summary>
/// The control-plane clients over one shared, signed HTTP pipeline. This and the client classes behind the interfaces
/// are the only code to change when official AWS SDK packages replace the hand-written clients.
/// </summary>
internal sealed class AwsClients : IAwsApis, IDisposable
{
    private readonly AwsHttpPipeline _pipeline;

    /// <summary>Creates the clients for <paramref name="settings"/>.</summary>
    /// <param name="settings">Credentials, region and endpoint override.</param>
    /// <param name="options">Retries, observer, clock and HTTP handler; defaults when null.</param>
    /// <param name="environment">Reads <c>AWS_ENDPOINT_URL*</c> variables; defaults to the process environment.</param>
    public AwsClients(AwsSettings settings, AwsClientOptions? options = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Options = options ?? new AwsClientOptions();
        _pipeline = new AwsHttpPipeline(settings.Credentials, Options);
        var endpoints = settings.Endpoints(environment);
        Iam = new IamClient(new QueryChannel(_pipeline, endpoints.Resolve(AwsService.Iam)));
        Sts = new StsClient(new QueryChannel(_pipeline, endpoints.Resolve(AwsService.Sts)));
        var lambda = new LambdaClient(new RestJsonChannel(_pipeline, endpoints.Resolve(AwsService.Lambda)));
        Lambda = lambda;
        LambdaInvoker = lambda;
        ApiGateway = new ApiGatewayClient(new RestJsonChannel(_pipeline, endpoints.Resolve(AwsService.ApiGateway)));
        ApiGatewayV2 = new ApiGatewayV2Client(new RestJsonChannel(_pipeline, endpoints.Resolve(AwsService.ApiGatewayV2)));
        EventBridge = new EventBridgeClient(Json(AwsService.EventBridge));
        Sns = new SnsClient(new QueryChannel(_pipeline, endpoints.Resolve(AwsService.Sns)));
        Sqs = new SqsClient(Json(AwsService.Sqs));
        S3 = new S3Client(new RestXmlChannel(_pipeline, endpoints.Resolve(AwsService.S3)));
        Logs = new CloudWatchLogsClient(Json(AwsService.CloudWatchLogs));
        LambdaWaiter = new LambdaFunctionWaiter(Lambda, Options.Delay);
        EventSourceMappingWaiter = new EventSourceMappingWaiter(Lambda, Options.Delay);

        JsonChannel Json(AwsService service) => new(_pipeline, endpoints.Resolve(service), service);
    }

    /// <summary>The settings the clients were made for.</summary>
    public AwsSettings Settings { get; }

    /// <inheritdoc/>
    public string Region => Settings.Region;

    /// <summary>The options the clients send with.</summary>
    public AwsClientOptions Options { get; }

    /// <summary>IAM.</summary>
    public IIamApi Iam { get; }

    /// <summary>STS.</summary>
    public IStsApi Sts { get; }

    /// <summary>Lambda.</summary>
    public ILambdaApi Lambda { get; }

    /// <summary>Invokes deployed functions (not the deployer's: <c>chalice-net invoke</c>'s).</summary>
    public ILambdaInvoker LambdaInvoker { get; }

    /// <summary>API Gateway (REST APIs).</summary>
    public IApiGatewayApi ApiGateway { get; }

    /// <summary>API Gateway v2 (HTTP APIs).</summary>
    public IApiGatewayV2Api ApiGatewayV2 { get; }

    /// <summary>EventBridge.</summary>
    public IEventBridgeApi EventBridge { get; }

    /// <summary>SNS.</summary>
    public ISnsApi Sns { get; }

    /// <summary>SQS.</summary>
    public ISqsApi Sqs { get; }

    /// <summary>S3 (bucket notification configurations).</summary>
    public IS3Api S3 { get; }

    /// <summary>CloudWatch Logs.</summary>
    public ICloudWatchLogsApi Logs { get; }

    /// <summary>Waits for Lambda functions to become active or finish updating.</summary>
    public LambdaFunctionWaiter LambdaWaiter { get; }

    /// <summary>Waits for event source mappings to settle or go.</summary>
    public EventSourceMappingWaiter EventSourceMappingWaiter { get; }

    /// <summary>Releases the HTTP connections (not an injected handler).</summary>
    public void Dispose() => _pipeline.Dispose();
}
