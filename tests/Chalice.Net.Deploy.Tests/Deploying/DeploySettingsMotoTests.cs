using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The Chalice settings that shape the function and the REST API, deployed to moto and read back with the AWS CLI;
/// every request is checked against the botocore model. Where moto cannot show a change (its UpdateFunctionConfiguration
/// ignores TracingConfig and EphemeralStorage; UpdateRestApi ignores /minimumCompressionSize and VPC endpoints), the
/// in-memory tests (InMemoryDeployTests) check the plan and the requests.
/// </summary>
public sealed class DeploySettingsMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task The_function_settings_are_what_the_AWS_CLI_then_shows_and_a_redeploy_changes_nothing()
    {
        var app = await apps.S3Test;
        var layer = await PublishLayerAsync("deps");
        _harness.ConfigJson = $$"""
            { "app_name": "s3test", "stages": { "dev": {
                "subnet_ids": ["subnet-1", "subnet-2"], "security_group_ids": ["sg-1"],
                "layers": ["{{layer}}"], "xray": true, "lambda_ephemeral_storage": 2048 } } }
            """;

        await _harness.DeployAsync(_harness.Spec(app));

        var configuration = await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "s3test-dev");
        var vpc = configuration.GetProperty("VpcConfig");
        Assert.Equal(["subnet-1", "subnet-2"], Strings(vpc.GetProperty("SubnetIds")));
        Assert.Equal(["sg-1"], Strings(vpc.GetProperty("SecurityGroupIds")));
        Assert.Equal(layer, Assert.Single(configuration.GetProperty("Layers").EnumerateArray()).GetProperty("Arn").GetString());
        Assert.Equal("Active", configuration.GetProperty("TracingConfig").GetProperty("Mode").GetString());
        Assert.Equal(2048, configuration.GetProperty("EphemeralStorage").GetProperty("Size").GetInt32());

        var (again, calls) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Empty(again.Changes);
        Assert.Equal(0, calls.MutatingCalls);
    }

    [Fact]
    public async Task Layers_and_the_VPC_change_with_one_configuration_update()
    {
        var app = await apps.S3Test;
        var first = await PublishLayerAsync("first");
        var second = await PublishLayerAsync("second");
        _harness.ConfigJson = $$"""{ "app_name": "s3test", "stages": { "dev": { "layers": ["{{first}}"] } } }""";
        await _harness.DeployAsync(_harness.Spec(app));

        _harness.ConfigJson = $$"""
            { "app_name": "s3test", "stages": { "dev": { "layers": ["{{second}}", "{{first}}"], "subnet_ids": ["subnet-9"], "security_group_ids": ["sg-9"] } } }
            """;
        var (_, calls) = await _harness.DeployAsync(_harness.Spec(app));

        Assert.Equal(["Lambda UpdateFunctionConfiguration"], calls.MutatingOperations);
        var configuration = await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "s3test-dev");
        Assert.Equal([second, first], configuration.GetProperty("Layers").EnumerateArray().Select(l => l.GetProperty("Arn").GetString() ?? ""));
        Assert.Equal(["subnet-9"], Strings(configuration.GetProperty("VpcConfig").GetProperty("SubnetIds")));
    }

    [Fact]
    public async Task A_private_API_has_its_endpoints_its_policy_its_compression_and_a_traced_stage()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = """
            { "app_name": "s3test", "stages": { "dev": {
                "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": ["vpce-0a1"], "minimum_compression_size": 1024,
                "xray": true } } }
            """;

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        var api = await AwsCli.RunAsync(moto, "apigateway", "get-rest-api", "--rest-api-id", apiId);
        Assert.Equal(["PRIVATE"], Strings(api.GetProperty("endpointConfiguration").GetProperty("types")));
        Assert.Equal(["vpce-0a1"], Strings(api.GetProperty("endpointConfiguration").GetProperty("vpcEndpointIds")));
        Assert.Equal(1024, api.GetProperty("minimumCompressionSize").GetInt32());
        // Chalice's default policy for a private API (chalice/deploy/appgraph.py, _get_default_private_api_policy).
        var policy = JsonNode.Parse(api.GetProperty("policy").GetString()!)!;
        var statement = policy["Statement"]![0]!;
        Assert.Equal("execute-api:Invoke", statement["Action"]!.GetValue<string>());
        Assert.Equal("vpce-0a1", statement["Condition"]!["StringEquals"]!["aws:SourceVpce"]!.GetValue<string>());
        var stage = await AwsCli.RunAsync(moto, "apigateway", "get-stage", "--rest-api-id", apiId, "--stage-name", "api");
        Assert.True(stage.GetProperty("tracingEnabled").GetBoolean());
    }

    [Fact]
    public async Task A_policy_file_is_the_APIs_resource_policy()
    {
        var app = (await apps.S3Test).WithoutCors();
        const string Policy =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}""";
        _harness.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_endpoint_type": "REGIONAL", "api_gateway_policy_file": "api-policy.json" } } }""";

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app) with { ApiGatewayPolicy = Policy });

        var api = await AwsCli.RunAsync(moto, "apigateway", "get-rest-api", "--rest-api-id", result.State.Find<DeployedRestApi>()!.RestApiId);
        Assert.Equal(["REGIONAL"], Strings(api.GetProperty("endpointConfiguration").GetProperty("types")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Policy), JsonNode.Parse(api.GetProperty("policy").GetString()!)));
    }

    [Fact]
    public async Task Changing_the_endpoint_type_and_turning_tracing_off_patch_the_API_and_its_stage()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "xray": true } } }""";
        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));
        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;

        _harness.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_endpoint_type": "REGIONAL" } } }""";
        var (_, calls) = await _harness.DeployAsync(_harness.Spec(app));

        Assert.Equal(["Lambda UpdateFunctionConfiguration", "API Gateway UpdateRestApi", "API Gateway UpdateStage"], calls.MutatingOperations);
        var api = await AwsCli.RunAsync(moto, "apigateway", "get-rest-api", "--rest-api-id", apiId);
        Assert.Equal(["REGIONAL"], Strings(api.GetProperty("endpointConfiguration").GetProperty("types")));
        var stage = await AwsCli.RunAsync(moto, "apigateway", "get-stage", "--rest-api-id", apiId, "--stage-name", "api");
        Assert.False(stage.GetProperty("tracingEnabled").GetBoolean());
    }

    private async Task<string> PublishLayerAsync(string name)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"chalice-layer-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, TestZip.Create(name), TestContext.Current.CancellationToken);
        try
        {
            var layer = await AwsCli.RunAsync(moto, "lambda", "publish-layer-version", "--layer-name", name, "--zip-file", $"fileb://{zip}");
            return layer.GetProperty("LayerVersionArn").GetString()!;
        }
        finally
        {
            File.Delete(zip);
        }
    }

    // moto 5.2.1 keeps no binaryMediaTypes: its CreateRestApi and PutRestApi drop them and its UpdateRestApi patches
    // take a value where AWS takes the type in the path (moto/apigateway/models.py, RestAPI.apply_patch_operations).
    // So the deploy to moto proves the requests instead, each checked against the botocore model in DisposeAsync:
    // CreateRestApi's binaryMediaTypes and the definition's x-amazon-apigateway-binary-media-types, which AWS applies
    // on PutRestApi (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-binary-media-types.html).
    [Fact]
    public async Task The_app_s_binary_media_types_are_sent_with_the_API_and_a_changed_list_is_put_again()
    {
        // TestApp's [ChaliceApp(BinaryMediaTypes = ["application/x-testapp-blob"])], through the generator's manifest.
        var app = (await apps.TestApp).WithoutCors();
        _harness.AppName = "testapp";
        string[] wanted = [.. BinaryMediaTypes.Default, "application/x-testapp-blob"];

        await _harness.DeployAsync(_harness.Spec(app));

        var create = JsonNode.Parse(Assert.Single(Sent("CreateRestApi")))!;
        Assert.Equal(wanted, create["binaryMediaTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(wanted, DefinedTypes(Assert.Single(Sent("PutRestApi"))));

        var changed = app with { Manifest = app.Manifest with { BinaryMediaTypes = ["application/pdf"] } };
        var (_, calls) = await _harness.DeployAsync(_harness.Spec(changed));

        Assert.Equal(["API Gateway PutRestApi", "API Gateway CreateDeployment"], calls.MutatingOperations);
        Assert.Equal([.. BinaryMediaTypes.Default, "application/pdf"], DefinedTypes(Sent("PutRestApi").Last()));
    }

    private IEnumerable<byte[]> Sent(string operation) =>
        _harness.Capture.Requests.Where(r => r.Operation?.Name == operation).Select(r => r.Body);

    private static IEnumerable<string> DefinedTypes(byte[] definition) =>
        JsonNode.Parse(definition)!["x-amazon-apigateway-binary-media-types"]!.AsArray().Select(t => t!.GetValue<string>());

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "(null)")];
}
