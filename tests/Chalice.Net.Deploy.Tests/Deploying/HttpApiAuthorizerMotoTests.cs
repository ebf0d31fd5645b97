using System.Text.Json;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// tests/TestApps/AuthApp (a TOKEN and a REQUEST authorizer) deployed as an HTTP API (<c>"api_gateway_type": "http"</c>)
/// to moto with the real clients, checked with the AWS CLI: <c>aws apigatewayv2 get-routes</c> shows each authorized
/// route <c>CUSTOM</c> with its authorizer, <c>get-authorizer</c> each authorizer as AWS documents a Lambda authorizer
/// of an HTTP API (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html), and
/// the authorizer's function lets API Gateway invoke it for this API's authorizers; a no-op redeploy makes no mutating
/// call, an authorizer no route uses any more is deleted, and delete leaves nothing. moto 5.2.1 does not implement
/// <c>get-authorizers</c> (a 500), so the authorizers are read one by one by the ids the routes name. The route that
/// requires an API key is left out: HTTP APIs have none. AuthApp's JWT, IAM and custom authorizers (an existing function's
/// invocation URI, no permission) deploy the same way. Every request sent is validated against the botocore model.
/// </summary>
public sealed class HttpApiAuthorizerMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Config = """{ "app_name": "authapp", "stages": { "dev": { "api_gateway_type": "http" } } }""";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, appName: "authapp", configJson: Config);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task Built_in_authorizers_deploy_on_an_HTTP_API_converge_and_delete_as_the_AWS_CLI_sees_them()
    {
        // The built-in authorizers only: the declared kinds have a test of their own.
        var packaged = (await apps.AuthApp).WithoutCors().WithoutAuthorizers<ApiAuthorizerManifest>();
        var app = packaged with { Manifest = packaged.Manifest with { Routes = [.. packaged.Manifest.Routes.Where(r => !r.ApiKeyRequired)] } };

        var (result, first) = await _harness.DeployAsync(_harness.Spec(app));

        var apiId = result.State.Find<DeployedHttpApi>()!.HttpApiId;
        var routes = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("RouteKey").GetString()!);
        Assert.Equal("NONE", routes["GET /public"].GetProperty("AuthorizationType").GetString());
        var authorizerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, authorizer) in new[] { ("GET /orders", "Tokens"), ("DELETE /orders/{id}", "Tokens"), ("GET /tenants", "ByTenant"), ("GET /keys", "Keys") })
        {
            Assert.Equal("CUSTOM", routes[key].GetProperty("AuthorizationType").GetString());
            var id = routes[key].GetProperty("AuthorizerId").GetString()!;
            Assert.Equal(id, authorizerIds.GetValueOrDefault(authorizer, id));
            authorizerIds[authorizer] = id;
        }
        Assert.NotEqual(authorizerIds["Tokens"], authorizerIds["ByTenant"]);

        // Keys answers with a SimpleAuthResponse: EnableSimpleResponses (http-api-lambda-authorizer.html).
        foreach (var (name, ttl, sources, simple) in new[]
                 {
                     ("Tokens", 300, new[] { "$request.header.Authorization" }, false),
                     ("ByTenant", 0, new[] { "$request.header.X-Key", "$request.querystring.tenant" }, false),
                     ("Keys", 300, new[] { "$request.header.X-Key" }, true),
                 })
        {
            var functionArn = (await AwsCli.RunAsync(moto, "lambda", "get-function", "--function-name", $"authapp-dev-{name}"))
                .GetProperty("Configuration").GetProperty("FunctionArn").GetString()!;
            var authorizer = await AwsCli.RunAsync(moto, "apigatewayv2", "get-authorizer", "--api-id", apiId, "--authorizer-id", authorizerIds[name]);
            Assert.Equal(
                (name, "REQUEST", OpenApiSettings.LambdaIntegrationUri("aws", MotoServer.Region, functionArn), "2.0", ttl, simple),
                (authorizer.GetProperty("Name").GetString(), authorizer.GetProperty("AuthorizerType").GetString(), authorizer.GetProperty("AuthorizerUri").GetString(),
                 authorizer.GetProperty("AuthorizerPayloadFormatVersion").GetString(), authorizer.GetProperty("AuthorizerResultTtlInSeconds").GetInt32(),
                 authorizer.GetProperty("EnableSimpleResponses").GetBoolean()));
            Assert.Equal(sources, authorizer.GetProperty("IdentitySource").EnumerateArray().Select(s => s.GetString()));

            // API Gateway may invoke the function as one of this HTTP API's authorizers, and nothing else.
            var policy = JsonDocument.Parse((await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", $"authapp-dev-{name}"))
                .GetProperty("Policy").GetString()!).RootElement;
            Assert.Equal($"arn:aws:execute-api:{MotoServer.Region}:{MotoServer.AccountId}:{apiId}/authorizers/*",
                policy.GetProperty("Statement").EnumerateArray().Single().GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());
        }

        var (_, noOp) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Equal(0, noOp.MutatingCalls);

        // No route uses ByTenant any more: its route is opened first, then the authorizer goes.
        var opened = app with { Manifest = app.Manifest with { Routes = [.. app.Manifest.Routes.Select(r => r.Authorizer == "ByTenant" ? r with { Authorizer = null } : r)] } };
        var (_, change) = await _harness.DeployAsync(_harness.Spec(opened));
        Assert.Equal(["ApiGatewayV2 UpdateRoute", "ApiGatewayV2 DeleteAuthorizer"], change.MutatingOperations);
        var tenants = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
            .Single(r => r.GetProperty("RouteKey").GetString() == "GET /tenants");
        Assert.Equal("NONE", tenants.GetProperty("AuthorizationType").GetString());
        Assert.Equal(0, (await _harness.DeployAsync(_harness.Spec(opened))).Calls.MutatingCalls);

        var delete = await _harness.DeleteAsync();
        Assert.Empty((await AwsCli.RunAsync(moto, "apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        Assert.Null(_harness.Store.Load("dev"));

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"AuthApp as an HTTP API against moto: first deploy {first.ReadCalls + first.MutatingCalls} calls ({first.MutatingCalls} mutating), " +
            $"no-op {noOp.ReadCalls} reads, delete {delete.ReadCalls + delete.MutatingCalls} calls ({delete.MutatingCalls} mutating)");
    }

    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html,
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html and
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html (a custom authorizer's function)
    [Fact]
    public async Task JWT_IAM_and_custom_authorizers_deploy_on_an_HTTP_API_and_converge_as_the_AWS_CLI_sees_them()
    {
        // AuthApp's JWT, IAM and custom authorizers; the Cognito kind is refused on HTTP APIs.
        var packaged = (await apps.AuthApp).WithoutCors().WithoutAuthorizers<CognitoUserPoolAuthorizerManifest>();
        var app = packaged with
        {
            Manifest = packaged.Manifest with
            {
                Routes = [.. packaged.Manifest.Routes.Where(r => !r.ApiKeyRequired && (r.Authorizer is null || r.Authorizer is "jwt" or "iam" or "partner"))],
            },
        };

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var apiId = result.State.Find<DeployedHttpApi>()!.HttpApiId;
        var routes = (await AwsCli.RunAsync(moto, "apigatewayv2", "get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("RouteKey").GetString()!);
        Assert.Equal("AWS_IAM", routes["POST /signed"].GetProperty("AuthorizationType").GetString());
        Assert.Equal("JWT", routes["GET /jwt"].GetProperty("AuthorizationType").GetString());
        var authorizer = await AwsCli.RunAsync(moto, "apigatewayv2", "get-authorizer", "--api-id", apiId,
            "--authorizer-id", routes["GET /jwt"].GetProperty("AuthorizerId").GetString()!);
        Assert.Equal(("jwt", "JWT", "https://issuer.example.com/"),
            (authorizer.GetProperty("Name").GetString(), authorizer.GetProperty("AuthorizerType").GetString(),
             authorizer.GetProperty("JwtConfiguration").GetProperty("Issuer").GetString()));
        Assert.Equal(["orders-api"], authorizer.GetProperty("JwtConfiguration").GetProperty("Audience").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["$request.header.Authorization"], authorizer.GetProperty("IdentitySource").EnumerateArray().Select(s => s.GetString()));

        // [CustomAuthorizer("partner", "arn:aws:lambda:us-east-1:123456789012:function:partner-auth", TtlSeconds = 60)]: a
        // REQUEST authorizer invoking that function's URI, its TOKEN header the identity source.
        Assert.Equal("CUSTOM", routes["GET /partner"].GetProperty("AuthorizationType").GetString());
        var partnerId = routes["GET /partner"].GetProperty("AuthorizerId").GetString()!;
        var partner = await AwsCli.RunAsync(moto, "apigatewayv2", "get-authorizer", "--api-id", apiId, "--authorizer-id", partnerId);
        Assert.Equal(("partner", "REQUEST", PartnerUri("partner-auth"), "2.0", 60, false),
            (partner.GetProperty("Name").GetString(), partner.GetProperty("AuthorizerType").GetString(), partner.GetProperty("AuthorizerUri").GetString(),
             partner.GetProperty("AuthorizerPayloadFormatVersion").GetString(), partner.GetProperty("AuthorizerResultTtlInSeconds").GetInt32(),
             partner.GetProperty("EnableSimpleResponses").GetBoolean()));
        Assert.Equal(["$request.header.Authorization"], partner.GetProperty("IdentitySource").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, (await _harness.DeployAsync(_harness.Spec(app))).Calls.MutatingCalls);

        // Another function: the authorizer is updated in place, and nothing is granted on a function that is not the app's.
        var moved = app with
        {
            Manifest = app.Manifest with
            {
                Authorizers = [.. app.Manifest.Authorizers.Select(a => a is CustomAuthorizerManifest custom
                    ? custom with { AuthorizerUri = "arn:aws:lambda:us-east-1:123456789012:function:partner-auth-v2" } : a)],
            },
        };
        var (_, change) = await _harness.DeployAsync(_harness.Spec(moved));
        Assert.Equal(["ApiGatewayV2 UpdateAuthorizer"], change.MutatingOperations);
        Assert.Equal(PartnerUri("partner-auth-v2"),
            (await AwsCli.RunAsync(moto, "apigatewayv2", "get-authorizer", "--api-id", apiId, "--authorizer-id", partnerId)).GetProperty("AuthorizerUri").GetString());
        Assert.Equal(0, (await _harness.DeployAsync(_harness.Spec(moved))).Calls.MutatingCalls);
        await _harness.DeleteAsync();
    }

    private static string PartnerUri(string function) =>
        $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:{function}/invocations";
}
