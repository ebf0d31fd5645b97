using System.Text;
using System.Text.Json;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// tests/TestApps/AuthApp (a TOKEN and a REQUEST authorizer, and the declared Cognito, IAM and custom ones) deployed to moto with the real clients and checked with
/// the AWS CLI: each authorizer is a Lambda function of its own whose policy lets API Gateway invoke it for the API's
/// authorizers, and the definition put names it by its invocation URI; the API keys and the usage plan that binds them
/// to the stage exist; a no-op redeploy makes no mutating call; delete leaves nothing. Every request sent is validated against the botocore model.
/// </summary>
public sealed class AuthAppMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Config = """
        { "app_name": "authapp", "stages": { "dev": { "api_gateway_stage": "api",
          "api_keys": [{ "name": "partner", "value_env": "AUTHAPP_PARTNER_KEY" }, { "name": "internal" }],
          "usage_plan": { "throttle": { "rate_limit": 12.5, "burst_limit": 20 }, "quota": { "limit": 1000, "period": "DAY" } } } } }
        """;

    private const string PartnerKey = "partner-key-0123456789abcdef";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, appName: "authapp", configJson: Config);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task Authorizer_functions_and_their_permissions_deploy_converge_and_delete_as_the_AWS_CLI_sees_them()
    {
        // Every kind a REST API has: AuthApp's JWT and simple-response authorizers are an HTTP API's (their routes left out).
        var app = (await apps.AuthApp).WithoutCors().WithoutAuthorizers<JwtAuthorizerManifest>().WithoutSimpleResponseAuthorizers();

        var (result, first) = await _harness.DeployAsync(Spec(app));

        var restApiId = result.State.Resources.OfType<State.DeployedRestApi>().Single().RestApiId;
        foreach (var authorizer in new[] { "Tokens", "ByTenant" })
        {
            // Its own function ({app}-{stage}-{name}, as Chalice names it), selected on the managed runtime by CHALICE_FUNCTION.
            var function = (await AwsCli.RunAsync(moto, "lambda", "get-function", "--function-name", $"authapp-dev-{authorizer}")).GetProperty("Configuration");
            var arn = function.GetProperty("FunctionArn").GetString()!;
            Assert.Equal(authorizer, function.GetProperty("Environment").GetProperty("Variables").GetProperty("CHALICE_FUNCTION").GetString());

            // API Gateway may invoke it as one of this API's authorizers, and nothing else.
            var policy = JsonDocument.Parse((await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", $"authapp-dev-{authorizer}"))
                .GetProperty("Policy").GetString()!).RootElement;
            var statement = policy.GetProperty("Statement").EnumerateArray().Single();
            Assert.Equal("apigateway.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal($"arn:aws:execute-api:{MotoServer.Region}:123456789012:{restApiId}/authorizers/*",
                statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());

            // The definition imported names the function as the authorizer's URI (moto 5.2.1 does not turn an imported
            // document's security schemes into authorizers, so the document put is what is checked; AWS creates them
            // from x-amazon-apigateway-authorizer: api-gateway-swagger-extensions-authorizer.html).
            var scheme = LastDefinition().GetProperty("components").GetProperty("securitySchemes").GetProperty(authorizer);
            Assert.Equal(OpenApiSettings.LambdaIntegrationUri("aws", MotoServer.Region, arn),
                scheme.GetProperty("x-amazon-apigateway-authorizer").GetProperty("authorizerUri").GetString());
        }

        // The declared kinds are the definition's schemes as Chalice writes them, each route asking for its own.
        var schemes = LastDefinition().GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cognito_user_pools", schemes.GetProperty("users").GetProperty("x-amazon-apigateway-authtype").GetString());
        Assert.Equal("awsSigv4", schemes.GetProperty("iam").GetProperty("x-amazon-apigateway-authtype").GetString());
        Assert.Equal("custom", schemes.GetProperty("partner").GetProperty("x-amazon-apigateway-authtype").GetString());
        Assert.Equal("""[{"users":[]}]""", LastDefinition().GetProperty("paths").GetProperty("/profile").GetProperty("get").GetProperty("security").GetRawText());
        Assert.False(LastDefinition().GetProperty("paths").TryGetProperty("/jwt", out _));

        // The route with ApiKeyRequired asks for the api_key scheme.
        Assert.Equal("""[{"api_key":[]}]""", LastDefinition().GetProperty("paths").GetProperty("/partners").GetProperty("get").GetProperty("security").GetRawText());

        // The keys, enabled, one with the value of its variable and one AWS generated; the plan binds them to the stage.
        var keys = (await AwsCli.RunAsync(moto, "apigateway", "get-api-keys", "--include-values")).GetProperty("items").EnumerateArray()
            .ToDictionary(k => k.GetProperty("name").GetString()!);
        Assert.Equal(["authapp-dev-internal", "authapp-dev-partner"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys.Values, k => Assert.True(k.GetProperty("enabled").GetBoolean()));
        Assert.Equal(PartnerKey, keys["authapp-dev-partner"].GetProperty("value").GetString());
        Assert.NotEqual(PartnerKey, keys["authapp-dev-internal"].GetProperty("value").GetString());
        var plan = (await AwsCli.RunAsync(moto, "apigateway", "get-usage-plans")).GetProperty("items").EnumerateArray().Single();
        var stage = plan.GetProperty("apiStages").EnumerateArray().Single();
        Assert.Equal((restApiId, "api"), (stage.GetProperty("apiId").GetString(), stage.GetProperty("stage").GetString()));
        Assert.Equal((12.5, 20), (plan.GetProperty("throttle").GetProperty("rateLimit").GetDouble(), plan.GetProperty("throttle").GetProperty("burstLimit").GetInt32()));
        Assert.Equal((1000, "DAY"), (plan.GetProperty("quota").GetProperty("limit").GetInt32(), plan.GetProperty("quota").GetProperty("period").GetString()));
        var planKeys = (await AwsCli.RunAsync(moto, "apigateway", "get-usage-plan-keys", "--usage-plan-id", plan.GetProperty("id").GetString()!))
            .GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetString());
        Assert.Equal(keys.Values.Select(k => k.GetProperty("id").GetString()).Order(StringComparer.Ordinal), planKeys.Order(StringComparer.Ordinal));
        // The state records the keys' ids (what deploy prints), never their values.
        Assert.Equal(keys.Values.Select(k => k.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            result.State.Resources.OfType<State.DeployedApiKey>().Select(k => k.ApiKeyId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(PartnerKey, await File.ReadAllTextAsync(_harness.Store.PathFor("dev"),
            TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var (_, noop) = await _harness.DeployAsync(Spec(app));
        Assert.Equal(0, noop.MutatingCalls);

        var delete = await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-api-keys")).GetProperty("items").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-usage-plans")).GetProperty("items").EnumerateArray());

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"AuthApp against moto: first deploy {first.ReadCalls + first.MutatingCalls} calls ({first.MutatingCalls} mutating), " +
            $"no-op {noop.ReadCalls} reads, delete {delete.ReadCalls + delete.MutatingCalls} calls ({delete.MutatingCalls} mutating)");
    }

    private DeploymentSpec Spec(PackagedApp app) =>
        _harness.Spec(app) with { EnvironmentVariable = name => name == "AUTHAPP_PARTNER_KEY" ? PartnerKey : null };

    /// <summary>The OpenAPI document of the last PutRestApi sent.</summary>
    private JsonElement LastDefinition() =>
        JsonDocument.Parse(Encoding.UTF8.GetString(_harness.Capture.Requests.Last(r => r.Operation?.Name == "PutRestApi").Body)).RootElement;
}
