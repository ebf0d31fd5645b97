using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// Built-in authorizers (<c>[Authorizer]</c>) on a stage with <c>"api_gateway_type": "http"</c>, against an AWS account
/// in memory: each authorizer a route uses becomes the HTTP API's Lambda authorizer, as AWS documents one
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html: type REQUEST, a payload
/// format version, identity sources as <c>$request.header.…</c>, a TTL), its routes <c>CUSTOM</c> with its id; a no-op
/// redeploy changes nothing, a change is one call, and an authorizer no route uses goes. HttpApiMotoTests proves the
/// same on the wire.
/// </summary>
public sealed class InMemoryHttpApiAuthorizerDeployTests : IDisposable
{
    private static readonly AuthorizerFunctionManifest s_tokens = new("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300);

    private readonly InMemoryStage _stage = new()
    {
        ConfigJson = InMemoryStage.HttpApiConfig, Functions = [s_tokens], Routes = InMemoryStage.GuardedRoutes("Tokens"),
    };

    private InMemoryAws Aws => _stage.Aws;

    [Fact]
    public async Task A_first_deploy_creates_the_authorizer_calling_its_function_and_its_routes_use_it()
    {
        var (_, calls) = await _stage.DeployAsync();

        var authorizer = _stage.AssertGuardedHttpApiCreated(calls, "CUSTOM");
        var function = Aws.FakeLambda.Inspect("s3test-dev-Tokens").Configuration;
        Assert.Equal(
            ("Tokens", "REQUEST", $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{function.FunctionArn}/invocations", "2.0", 300, false),
            (authorizer.Name, authorizer.AuthorizerType, authorizer.AuthorizerUri, authorizer.AuthorizerPayloadFormatVersion,
             authorizer.AuthorizerResultTtlInSeconds, authorizer.EnableSimpleResponses));
        Assert.Equal(["$request.header.Authorization"], authorizer.IdentitySource);
        // API Gateway may invoke the authorizer's function for this API's authorizers only.
        var statement = Assert.Single(Aws.FakeLambda.Statements("s3test-dev-Tokens"));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{InMemoryAws.Account}:{Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId}/authorizers/*",
            statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_payload_1_0_stage_gets_payload_1_0_authorizers_without_simple_responses()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http-v1" } } }""";

        await _stage.DeployAsync();

        var authorizer = Assert.Single(Aws.FakeApiGatewayV2.AuthorizersOf(Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId));
        Assert.Equal(("1.0", null), (authorizer.AuthorizerPayloadFormatVersion, authorizer.EnableSimpleResponses));
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_app_reads_the_authorizer_and_makes_no_mutating_call()
    {
        await _stage.DeployAsync();

        await _stage.AssertHttpApiRedeployChangesNothingAsync();
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "TTL", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "identity source", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "payload 1.0", ["ApiGatewayV2 UpdateIntegration", "ApiGatewayV2 UpdateAuthorizer"] },
        { "a route opened", ["ApiGatewayV2 UpdateRoute"] },
        { "every route opened", ["ApiGatewayV2 UpdateRoute", "ApiGatewayV2 UpdateRoute", "ApiGatewayV2 DeleteAuthorizer"] },
        { "an open route authorized", ["ApiGatewayV2 UpdateRoute"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_kind_of_authorizer_change_updates_only_what_differs(string change, string[] expected)
    {
        await _stage.DeployAsync();
        var objects = InMemoryStage.ObjectsRoute;
        var health = InMemoryStage.HealthRoute;
        switch (change)
        {
            case "TTL": _stage.Functions = [s_tokens with { TtlSeconds = 60 }]; break;
            case "identity source": _stage.Functions = [s_tokens with { IdentitySources = ["method.request.header.X-Token", "method.request.querystring.user"] }]; break;
            case "payload 1.0": _stage.ConfigJson = """{ "stages": { "dev": { "api_gateway_type": "http-v1" } } }"""; break;
            case "a route opened": _stage.Routes = [objects with { Methods = ["GET"], Authorizer = "Tokens" }, objects with { Methods = ["PUT"] }, health]; break;
            case "every route opened": _stage.Routes = [objects, health]; break;
            case "an open route authorized": _stage.Routes = [objects with { Authorizer = "Tokens" }, health with { Authorizer = "Tokens" }]; break;
        }

        var authorizers = await _stage.AssertHttpApiChangeAsync(expected);
        var routes = Aws.FakeApiGatewayV2.Inspect(Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId).Routes;
        var custom = routes.Where(r => r.AuthorizationType == "CUSTOM").Select(r => r.RouteKey).Order(StringComparer.Ordinal).ToList();
        switch (change)
        {
            case "TTL": Assert.Equal(60, Assert.Single(authorizers).AuthorizerResultTtlInSeconds); break;
            case "identity source": Assert.Equal(["$request.header.X-Token", "$request.querystring.user"], Assert.Single(authorizers).IdentitySource); break;
            case "payload 1.0": Assert.Equal("1.0", Assert.Single(authorizers).AuthorizerPayloadFormatVersion); break;
            case "a route opened": Assert.Equal(["GET /objects/{key}"], custom); break;
            case "every route opened": Assert.Empty(authorizers); Assert.Empty(custom); break;
            case "an open route authorized": Assert.Equal(["GET /health", "GET /objects/{key}", "PUT /objects/{key}"], custom); break;
        }
    }

    [Fact]
    public async Task Authorizing_an_open_API_creates_the_authorizer_before_the_routes_that_use_it()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute];
        await _stage.DeployAsync();
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Authorizer = "Tokens" }];

        var plan = await _stage.PlanAsync();
        var (_, calls) = await _stage.DeployAsync();

        var create = plan.Steps.Single(s => s.Operation == "CreateAuthorizer");
        Assert.All(plan.Steps.Where(s => s.Operation == "UpdateRoute"), s => Assert.Contains(create, s.Prerequisites));
        Assert.Equal(["ApiGatewayV2 CreateAuthorizer", "ApiGatewayV2 UpdateRoute", "ApiGatewayV2 UpdateRoute"],
            calls.MutatingOperations.Where(o => o.StartsWith("ApiGatewayV2", StringComparison.Ordinal)));
        var apiId = Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId;
        var authorizer = Assert.Single(Aws.FakeApiGatewayV2.AuthorizersOf(apiId));
        Assert.All(Aws.FakeApiGatewayV2.Inspect(apiId).Routes,
            r => Assert.Equal(("CUSTOM", authorizer.AuthorizerId), (r.AuthorizationType, r.AuthorizerId)));
    }

    [Fact]
    public async Task A_CreateAuthorizer_whose_answer_was_lost_fails_the_deploy_and_the_next_one_finishes_it()
    {
        // Without GetAuthorizers (moto 5.2.1 lacks it) the authorizer cannot be looked up by name, so it is not guessed:
        // the deploy stops, the next creates the authorizer its routes use, and the unused one goes with the API.
        Aws.Inject("ApiGatewayV2 CreateAuthorizer", InjectedFault.AnswerLost);

        await Assert.ThrowsAsync<Chalice.Deploy.Aws.AwsServiceException>(() => _stage.DeployAsync());
        var (_, calls) = await _stage.DeployAsync();

        Assert.Contains("ApiGatewayV2 CreateAuthorizer", calls.MutatingOperations);
        var apiId = Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId;
        var used = Aws.FakeApiGatewayV2.Inspect(apiId).Routes.Where(r => r.AuthorizationType == "CUSTOM").Select(r => r.AuthorizerId).Distinct().ToList();
        Assert.Equal(Aws.FakeApiGatewayV2.AuthorizersOf(apiId).Last().AuthorizerId, Assert.Single(used));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_route_naming_an_authorizer_the_app_does_not_declare_is_refused_in_one_line()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Authorizer = "UserPool" }];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _stage.PlanAsync());

        Assert.Equal(
            "Route /objects/{key} uses the authorizer 'UserPool', which is not an [Authorizer] method, a [CustomAuthorizer], a [JwtAuthorizer] or an [IamAuthorizer] of the app.",
            error.Message);
    }

    [Fact]
    public async Task Delete_removes_the_API_with_its_authorizer_and_the_authorizers_function()
    {
        await _stage.DeployAsync();

        var (_, calls) = await _stage.DeleteAsync();

        Assert.DoesNotContain("ApiGatewayV2 DeleteAuthorizer", calls.MutatingOperations);
        Assert.Empty(Aws.FakeApiGatewayV2.Apis);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Null(_stage.Store.Load("dev"));
    }

    public void Dispose() => _stage.Dispose();
}
