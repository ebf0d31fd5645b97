using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The CORS preflights of a REST API (Chalice's swagger.py, _add_preflight_request: an OPTIONS method with a MOCK
/// integration answering 200 with the Access-Control-* headers as static response parameters), proven on the path
/// moto 5.2.1 accepts. Its import cannot take a MOCK integration (moto's put_rest_api passes no uri to its
/// put_integration, which requires one; AWS does not), so the app is deployed without its preflights and each
/// preflight of the deployer's definition is then made through the resource API the definition stands for:
/// PutMethod, PutMethodResponse, PutIntegration (MOCK) and PutIntegrationResponse, sent by the AWS CLI, which checks
/// each against the botocore model before sending. What moto then holds must be what the definition says.
/// </summary>
public sealed class CorsPreflightMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto);

    public ValueTask DisposeAsync()
    {
        _harness.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_preflight_of_the_definition_is_accepted_by_the_API_Gateway_model_and_kept_as_written()
    {
        var app = await apps.TestApp;
        _harness.AppName = "testapp";
        var (result, _) = await _harness.DeployAsync(_harness.Spec(app.WithoutCors()));
        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        var resources = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", apiId))
            .GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("id").GetString()!);
        var definition = OpenApiDocument.Create(app.Manifest, new OpenApiSettings("testapp-dev", "d", "arn:aws:lambda:us-east-1:123456789012:function:f",
            BinaryMediaTypes.Default));
        var preflights = definition["paths"]!.AsObject().Where(p => p.Value!["options"]?["x-amazon-apigateway-integration"]?["type"]?.GetValue<string>() == "mock")
            .ToList();
        Assert.NotEmpty(preflights);

        foreach (var (path, item) in preflights)
        {
            var integration = item!["options"]!["x-amazon-apigateway-integration"]!;
            var response = integration["responses"]!["default"]!;
            var parameters = response["responseParameters"]!.AsObject();
            string[] target = ["--rest-api-id", apiId, "--resource-id", resources[path], "--http-method", "OPTIONS"];
            await AwsCli.RunAsync(moto, ["apigateway", "put-method", .. target, "--authorization-type", "NONE"]);
            await AwsCli.RunAsync(moto, ["apigateway", "put-method-response", .. target, "--status-code", response["statusCode"]!.GetValue<string>(),
                "--response-parameters", new JsonObject([.. parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)false))]).ToJsonString()]);
            await AwsCli.RunAsync(moto, ["apigateway", "put-integration", .. target,
                "--type", integration["type"]!.GetValue<string>().ToUpperInvariant(),
                "--request-templates", integration["requestTemplates"]!.ToJsonString(),
                "--passthrough-behavior", integration["passthroughBehavior"]!.GetValue<string>().ToUpperInvariant(),
                "--content-handling", integration["contentHandling"]!.GetValue<string>()]);
            await AwsCli.RunAsync(moto, ["apigateway", "put-integration-response", .. target, "--status-code", response["statusCode"]!.GetValue<string>(),
                "--selection-pattern", "", "--response-parameters", parameters.ToJsonString()]);

            var kept = await AwsCli.RunAsync(moto, ["apigateway", "get-integration-response", .. target, "--status-code", "200"]);
            Assert.True(JsonNode.DeepEquals(parameters, JsonNode.Parse(kept.GetProperty("responseParameters").GetRawText())), path);
            var mock = await AwsCli.RunAsync(moto, ["apigateway", "get-integration", .. target]);
            Assert.Equal("MOCK", mock.GetProperty("type").GetString());
            Assert.Equal("""{"statusCode": 200}""", mock.GetProperty("requestTemplates").GetProperty("application/json").GetString());
        }
        // TestApp's /cors route (GET and PUT, Cors = true): Chalice's default headers.
        var cors = (await AwsCli.RunAsync(moto, "apigateway", "get-integration-response", "--rest-api-id", apiId, "--resource-id", resources["/cors"],
            "--http-method", "OPTIONS", "--status-code", "200")).GetProperty("responseParameters");
        Assert.Equal("'GET,PUT,OPTIONS'", cors.GetProperty("method.response.header.Access-Control-Allow-Methods").GetString());
        Assert.Equal("'*'", cors.GetProperty("method.response.header.Access-Control-Allow-Origin").GetString());
    }
}
