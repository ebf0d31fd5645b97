using System.Text.Json.Nodes;

namespace Chalice.Deploy.OpenApi;

/// <summary>What an API definition needs besides the app's routes.</summary>
/// <param name="Title">The API name (<c>info.title</c>); API Gateway names the REST API after it.</param>
/// <param name="Description">The API description (<c>info.description</c>).</param>
/// <param name="IntegrationUri">
/// The Lambda proxy integration URI: a string for a direct deploy, or a CloudFormation expression (an
/// <c>Fn::Sub</c> object) in a template.
/// </param>
/// <param name="BinaryMediaTypes">Media types API Gateway passes through as binary.</param>
internal sealed record OpenApiSettings(string Title, string Description, JsonNode IntegrationUri, IReadOnlyList<string> BinaryMediaTypes)
{
    /// <summary>The API's resource policy (<c>x-amazon-apigateway-policy</c>), if it has one.</summary>
    public JsonObject? Policy { get; init; }

    /// <summary>The VPC endpoints of a private API (<c>x-amazon-apigateway-endpoint-configuration</c>).</summary>
    public IReadOnlyList<string> VpcEndpointIds { get; init; } = [];

    /// <summary>The smallest response API Gateway compresses (<c>x-amazon-apigateway-minimum-compression-size</c>).</summary>
    public int? MinimumCompressionSize { get; init; }

    /// <summary>
    /// The invocation URI of each authorizer function by its name (as <see cref="IntegrationUri"/>: a string, or a
    /// CloudFormation expression), known once the deployer creates the authorizer functions. Without the URI of an
    /// authorizer a route names, the document cannot be written: the route would be deployed open.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode> AuthorizerUris { get; init; } = new Dictionary<string, JsonNode>();

    /// <summary>
    /// The URI API Gateway invokes a Lambda function through:
    /// <c>arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations</c>.
    /// </summary>
    public static string LambdaIntegrationUri(string partition, string region, string functionArn) =>
        $"arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";
}
