using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Configuration;

namespace Chalice.Deploy.Planning;

/// <summary>
/// The REST API settings a stage asks for (<c>api_gateway_endpoint_type</c>, <c>api_gateway_endpoint_vpce</c>,
/// <c>api_gateway_policy_file</c>, <c>minimum_compression_size</c>, <c>xray</c>) and the app's binary media types, with Chalice's semantics: the one
/// place a direct deploy and a template both read them from.
/// </summary>
/// <param name="EndpointType"><c>EDGE</c>, <c>REGIONAL</c> or <c>PRIVATE</c>.</param>
/// <param name="VpcEndpointIds">The VPC endpoints a private API is reached through.</param>
/// <param name="Policy">The resource policy, or null when the API has none.</param>
/// <param name="MinimumCompressionSize">The smallest response compressed, or null for no compression.</param>
/// <param name="TracingEnabled">X-Ray tracing on the stage.</param>
/// <param name="BinaryMediaTypes">The API's <c>binaryMediaTypes</c>: Chalice's defaults and the app's own.</param>
internal sealed record RestApiSettings(
    string EndpointType, IReadOnlyList<string> VpcEndpointIds, JsonObject? Policy, int? MinimumCompressionSize, bool TracingEnabled,
    IReadOnlyList<string> BinaryMediaTypes)
{
    /// <summary>The settings of <paramref name="spec"/>'s stage.</summary>
    /// <exception cref="ChaliceConfigException">The policy file was not read, or is not a JSON object.</exception>
    public static RestApiSettings For(DeploymentSpec spec)
    {
        var config = spec.Config;
        var policy = config.ApiGatewayPolicyFile is { } file
            ? Parse(spec.ApiGatewayPolicy ?? throw new ChaliceConfigException($".chalice/{file} (api_gateway_policy_file) was not read."), file)
            : config.ApiGatewayEndpointType == "PRIVATE" && config.ApiGatewayEndpointVpce.Count > 0
                ? PrivateApiPolicy(config.ApiGatewayEndpointVpce)
                : null;
        return new RestApiSettings(
            config.ApiGatewayEndpointType, config.ApiGatewayEndpointVpce, policy, config.MinimumCompressionSize, config.Xray,
            Chalice.BinaryMediaTypes.With(spec.Manifest.BinaryMediaTypes));
    }

    /// <summary>The policy as API Gateway takes it in CreateRestApi: compact JSON text.</summary>
    public string? PolicyText => Policy?.ToJsonString();

    /// <summary>
    /// The policy Chalice gives a private API without a policy file: anyone may invoke it through the stage's VPC
    /// endpoints (chalice/deploy/appgraph.py, _get_default_private_api_policy).
    /// </summary>
    private static JsonObject PrivateApiPolicy(IReadOnlyList<string> vpce) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = "*",
            ["Action"] = "execute-api:Invoke",
            ["Resource"] = "arn:*:execute-api:*:*:*",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject
                {
                    ["aws:SourceVpce"] = vpce.Count == 1 ? vpce[0] : new JsonArray([.. vpce.Select(id => (JsonNode)id)]),
                },
            },
        }),
    };

    private static JsonObject Parse(string text, string file)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                   ?? throw new ChaliceConfigException($".chalice/{file} (api_gateway_policy_file) must contain a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ChaliceConfigException($".chalice/{file} (api_gateway_policy_file) is not valid JSON: {e.Message.Split(" Path:", 2)[0]}");
        }
    }
}
