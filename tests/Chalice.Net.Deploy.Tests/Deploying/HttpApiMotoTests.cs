using System.Text.Json;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// samples/S3Test deployed as an HTTP API (<c>"api_gateway_type": "http"</c>) to moto with the real clients, checked
/// from the outside with the AWS CLI (<c>aws apigatewayv2 get-apis/get-routes/get-integrations/get-stages</c>): routes,
/// the Lambda proxy integration with its payload format, the <c>$default</c> stage, CORS; a no-op redeploy, a switch of
/// payload format and a delete that leaves nothing. Every request sent is validated against the botocore model.
/// </summary>
public sealed class HttpApiMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string HttpStage = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http" } } }""";

    private static readonly CorsManifest s_cors = new("https://example.com", ["X-Trace"], ["X-Id"], 300, AllowCredentials: true);

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, configJson: HttpStage);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task An_HTTP_API_app_deploys_what_the_aws_cli_then_sees_redeploys_with_no_change_and_deletes_to_nothing()
    {
        var app = await apps.S3Test;
        var withCors = app with { Manifest = app.Manifest with { Routes = [.. app.Manifest.Routes.Select(r => r with { Cors = s_cors })] } };

        var (result, _) = await _harness.DeployAsync(_harness.Spec(withCors));

        var apiId = result.State.Find<DeployedHttpApi>()!.HttpApiId;
        Assert.Equal($"https://{apiId}.execute-api.us-east-1.amazonaws.com/", result.Url);
        var api = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray().Single(a => a.GetProperty("ApiId").GetString() == apiId);
        Assert.Equal(("s3test-dev", "HTTP"), (api.GetProperty("Name").GetString(), api.GetProperty("ProtocolType").GetString()));
        Assert.Equal("app=s3test:stage=dev", api.GetProperty("Tags").GetProperty("chalice-net").GetString());
        Assert.Equal($"https://{apiId}.execute-api.us-east-1.amazonaws.com", api.GetProperty("ApiEndpoint").GetString());
        var cors = api.GetProperty("CorsConfiguration");
        Assert.Equal(["https://example.com"], Strings(cors, "AllowOrigins"));
        Assert.Equal(["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key", "X-Trace"], Strings(cors, "AllowHeaders"));
        Assert.Equal(["GET", "PUT", "OPTIONS"], Strings(cors, "AllowMethods"));
        Assert.Equal(["X-Id"], Strings(cors, "ExposeHeaders"));
        Assert.Equal(300, cors.GetProperty("MaxAge").GetInt32());
        Assert.True(cors.GetProperty("AllowCredentials").GetBoolean());

        var functionArn = (await AwsCli.RunAsync(moto, "lambda", "get-function", "--function-name", "s3test-dev")).GetProperty("Configuration").GetProperty("FunctionArn").GetString();
        var integration = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-integrations", "--api-id", apiId)).GetProperty("Items").EnumerateArray().Single();
        Assert.Equal(("AWS_PROXY", functionArn, "2.0"),
            (integration.GetProperty("IntegrationType").GetString(), integration.GetProperty("IntegrationUri").GetString(), integration.GetProperty("PayloadFormatVersion").GetString()));
        var routes = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray().ToList();
        Assert.Equal(["GET /objects/{key}", "PUT /objects/{key}"], routes.Select(r => r.GetProperty("RouteKey").GetString()).Order());
        Assert.All(routes, r => Assert.Equal($"integrations/{integration.GetProperty("IntegrationId").GetString()}", r.GetProperty("Target").GetString()));
        var stage = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-stages", "--api-id", apiId)).GetProperty("Items").EnumerateArray().Single();
        Assert.Equal(("$default", true), (stage.GetProperty("StageName").GetString(), stage.GetProperty("AutoDeploy").GetBoolean()));
        var policy = JsonDocument.Parse((await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", "s3test-dev")).GetProperty("Policy").GetString()!).RootElement;
        Assert.Equal($"arn:aws:execute-api:us-east-1:{MotoServer.AccountId}:{apiId}/*",
            policy.GetProperty("Statement")[0].GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());
        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());

        var (_, noOp) = await _harness.DeployAsync(_harness.Spec(withCors));
        Assert.Equal(0, noOp.MutatingCalls);

        _harness.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http-v1" } } }""";
        var (_, payloadChange) = await _harness.DeployAsync(_harness.Spec(withCors));
        Assert.Equal(["ApiGatewayV2 UpdateIntegration"], payloadChange.MutatingOperations);
        Assert.Equal("1.0", (await AwsCli.RunAsync(moto, "apigatewayv2", "get-integrations", "--api-id", apiId)).GetProperty("Items")[0].GetProperty("PayloadFormatVersion").GetString());

        await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        Assert.DoesNotContain((await AwsCli.RunAsync(moto, "iam", "list-roles")).GetProperty("Roles").EnumerateArray(),
            r => r.GetProperty("RoleName").GetString() == "s3test-dev");
        Assert.Null(_harness.Store.Load("dev"));
    }

    [Fact]
    public async Task A_stage_switched_from_REST_to_HTTP_leaves_only_the_HTTP_API_and_a_lost_state_file_finds_it_again()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { } } }""";
        await _harness.DeployAsync(_harness.Spec(app));
        _harness.ConfigJson = HttpStage;

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));
        _harness.Store.Delete("dev");
        var (again, calls) = await _harness.DeployAsync(_harness.Spec(app));

        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());
        var api = Assert.Single((await AwsCli.RunAsync(moto, "apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray());
        Assert.Equal(result.State.Find<DeployedHttpApi>()!.HttpApiId, api.GetProperty("ApiId").GetString());
        Assert.Equal(0, calls.MutatingCalls);
        Assert.Equal(result.Url, again.Url);
        await _harness.DeleteAsync();
    }

    private static string[] Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
