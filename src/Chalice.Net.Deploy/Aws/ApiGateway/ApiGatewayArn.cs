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
}
