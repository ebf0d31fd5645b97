namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary>ARNs of API Gateway resources, as Lambda permissions want them.</summary>
internal static class ApiGatewayArn
{
    /// <summary>
    /// The execute-api ARN pattern a Lambda permission grants API Gateway: every stage, method and path of the API,
    /// <c>arn:{partition}:execute-api:{region}:{account}:{id}/*</c>.
    /// </summary>
    public static string ExecuteApiSource(string region, string accountId, string restApiId) =>
        $"arn:{AwsPartition.ForRegion(region).Id}:execute-api:{region}:{accountId}:{restApiId}/*";

    /// <summary>
    /// The execute-api ARN pattern a Lambda permission grants API Gateway to invoke a function as one of the API's
    /// authorizers, <c>arn:{partition}:execute-api:{region}:{account}:{id}/authorizers/*</c>: the source API Gateway
    /// names when it calls an authorizer is <c>{id}/authorizers/{authorizerId}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html, "Configure a
    /// Lambda authorizer", and chalice/awsclient.py <c>add_permission_for_authorizer</c>). Chalice grants its built-in
    /// authorizers the whole API (<c>{id}/*</c>); an authorizer function needs no more than its authorizers.
    /// </summary>
    public static string AuthorizersSource(string region, string accountId, string apiId) =>
        $"arn:{AwsPartition.ForRegion(region).Id}:execute-api:{region}:{accountId}:{apiId}/authorizers/*";
}
