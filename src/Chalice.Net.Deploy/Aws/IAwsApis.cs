using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Logs;
using Chalice.Deploy.Aws.S3;
using Chalice.Deploy.Aws.Sns;
using Chalice.Deploy.Aws.Sqs;

namespace Chalice.Deploy.Aws;

/// <summary>
/// The AWS services the deployer calls, in one region: the SigV4 clients (<see cref="AwsClients"/>) in use, in-memory
/// fakes in the planner tests.
/// </summary>
internal interface IAwsApis
{
    /// <summary>The region the services are called in.</summary>
    string Region { get; }

    /// <summary>IAM.</summary>
    IIamApi Iam { get; }

    /// <summary>Lambda.</summary>
    ILambdaApi Lambda { get; }

    /// <summary>API Gateway (REST APIs).</summary>
    IApiGatewayApi ApiGateway { get; }

    /// <summary>API Gateway v2 (HTTP APIs).</summary>
    IApiGatewayV2Api ApiGatewayV2 { get; }

    /// <summary>EventBridge (schedules and event patterns).</summary>
    IEventBridgeApi EventBridge { get; }

    /// <summary>SNS (subscriptions to the user's topics).</summary>
    ISnsApi Sns { get; }

    /// <summary>SQS (the user's queues, read only).</summary>
    ISqsApi Sqs { get; }

    /// <summary>S3 (bucket notification configurations).</summary>
    IS3Api S3 { get; }

    /// <summary>CloudWatch Logs.</summary>
    ICloudWatchLogsApi Logs { get; }

    /// <summary>Waits for Lambda functions to become active or finish updating.</summary>
    LambdaFunctionWaiter LambdaWaiter { get; }

    /// <summary>Waits for event source mappings to settle or go.</summary>
    EventSourceMappingWaiter EventSourceMappingWaiter { get; }
}
