namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary>ARNs of API Gateway resources, as <c>TagResource</c>/<c>GetTags</c> and Lambda permissions want them.</summary>
public static class ApiGatewayArn
{
    /// <summary><c>arn:{partition}:apigateway:{region}::/restapis/{id}</c>.</summary>
    public static string RestApi(string region, string restApiId) =>
        $"arn:{AwsPartition.ForRegion(region).Id}:apigateway:{region}::/restapis/{restApiId}";

    /// <summary><c>arn:{partition}:apigateway:{region}::/restapis/{id}/stages/{stage}</c>.</summary>
    public static string Stage(string region, string restApiId, string stageName) =>
        $"{RestApi(region, restApiId)}/stages/{stageName}";

    /// <summary>
    /// The execute-api ARN pattern a Lambda permission grants API Gateway: every stage, method and path of the API,
    /// <c>arn:{partition}:execute-api:{region}:{account}:{id}/*</c>.
    /// </summary>
    public static string ExecuteApiSource(string region, string accountId, string restApiId) =>
        $"arn:{AwsPartition.ForRegion(region).Id}:execute-api:{region}:{accountId}:{restApiId}/*";
}
