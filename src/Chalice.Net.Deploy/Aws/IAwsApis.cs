using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;

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

    /// <summary>Waits for Lambda functions to become active or finish updating.</summary>
    LambdaFunctionWaiter LambdaWaiter { get; }
}
