using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// A stage with <c>"api_gateway_type": "http"</c> against an AWS account in memory: its HTTP API (routes, the Lambda
/// proxy integration with the stage's payload format, the <c>$default</c> stage, CORS) and the invoke permission,
/// for a first deploy, a no-op, each kind of change, a lost state file, a failure midway, a lost answer, a switch
/// between REST and HTTP, and delete. HttpApiMotoTests proves the same on the wire.
/// </summary>
public sealed class InMemoryHttpApiDeployTests : IDisposable
{
    private static readonly string[] s_firstDeploy =
    [
        "IAM CreateRole", "IAM PutRolePolicy", "Lambda CreateFunction", "ApiGatewayV2 CreateApi", "ApiGatewayV2 CreateIntegration",
        "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateStage", "Lambda AddPermission",
    ];

    private static readonly CorsManifest s_cors = new("https://example.com", ["X-Trace"], ["X-Id"], 600, AllowCredentials: false);

    private readonly InMemoryStage _stage = new() { ConfigJson = InMemoryStage.HttpApiConfig };

    private InMemoryAws Aws => _stage.Aws;

    [Fact]
    public async Task A_first_deploy_plans_the_HTTP_API_with_its_integration_routes_and_stage_wired_by_their_outputs()
    {
        var calls = Aws.CountCalls();

        var plan = await _stage.PlanAsync();

        Assert.Equal(
            [("iam_role", "default-role"), ("lambda_function", "api_handler"), ("http_api", "http_api"), ("lambda_permission", "api_handler_invoke_permission")],
            plan.Resources.Select(r => (r.Kind, r.Name)));
        Assert.All(plan.Resources, r => Assert.Equal(ResourceChange.Create, r.Change));
        Assert.Equal(["api_handler"], plan.Resource("http_api").DependsOn);
        Assert.Equal(["api_handler", "http_api"], plan.Resource("api_handler_invoke_permission").DependsOn);
        Assert.Equal(s_firstDeploy, plan.Steps.Select(s => $"{s.Service.ServiceId} {s.Operation}"));
        var (createFunction, createApi, createIntegration, firstRoute, createStage) = (plan.Steps[2], plan.Steps[3], plan.Steps[4], plan.Steps[5], plan.Steps[7]);
        Assert.Equal([createApi, createFunction], createIntegration.Prerequisites);
        Assert.Equal([createApi, createIntegration], firstRoute.Prerequisites);
        Assert.Equal([createApi], createStage.Prerequisites);
        Assert.Equal(["s3test-dev GET /objects/{key}", "s3test-dev PUT /objects/{key}"], plan.Steps.Where(s => s.Operation == "CreateRoute").Select(s => s.Target));
        Assert.Contains("   uses the integration id from step 5", plan.Describe());
        // Planning only reads: the role, the function, the HTTP APIs by name; no REST API is looked for.
        Assert.Equal(["IAM GetRole", "Lambda GetFunction", "ApiGatewayV2 GetApis"], calls.Attempts.Select(a => a.Operation.ToString()));
    }

    [Fact]
    public async Task A_first_deploy_creates_the_HTTP_API_integrated_with_the_function_and_records_its_URL()
    {
        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(s_firstDeploy, calls.MutatingOperations);
        var function = Aws.FakeLambda.Inspect("s3test-dev").Configuration;
        var api = Assert.Single(Aws.FakeApiGatewayV2.Apis);
        Assert.Equal(("s3test-dev", "HTTP", "app=s3test:stage=dev"), (api.Name, api.ProtocolType, api.Tags![ResourceNames.TagKey]));
        Assert.Null(api.CorsConfiguration);
        var (routes, integrations, stages) = Aws.FakeApiGatewayV2.Inspect(api.ApiId);
        var integration = Assert.Single(integrations);
        Assert.Equal(("AWS_PROXY", function.FunctionArn, "2.0"), (integration.IntegrationType, integration.IntegrationUri, integration.PayloadFormatVersion));
        Assert.Equal(["GET /objects/{key}", "PUT /objects/{key}"], routes.Select(r => r.RouteKey).Order());
        Assert.All(routes, r => Assert.Equal($"integrations/{integration.IntegrationId}", r.Target));
        var stage = Assert.Single(stages);
        Assert.Equal(("$default", true), (stage.StageName, stage.AutoDeploy));
        var statement = Assert.Single(Aws.FakeLambda.Statements("s3test-dev"));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{InMemoryAws.Account}:{api.ApiId}/*", statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());
        Assert.Empty(Aws.FakeApiGateway.Apis);

        var recorded = _stage.Store.Load("dev")!;
        Assert.Equal(["default-role", "api_handler", "http_api", "api_handler_invoke_permission"], recorded.Resources.Select(r => r.Name));
        Assert.Equal(api.ApiId, recorded.Find<DeployedHttpApi>()!.HttpApiId);
        Assert.Equal($"https://{api.ApiId}.execute-api.us-east-1.amazonaws.com/", result.Url);
        Assert.Contains("\"resource_type\": \"http_api\"", File.ReadAllText(_stage.Store.PathFor("dev")), StringComparison.Ordinal);
        Assert.Contains($"\"http_api_url\": \"{result.Url}\"", File.ReadAllText(_stage.Store.PathFor("dev")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_app_makes_no_mutating_call()
    {
        var (first, _) = await _stage.DeployAsync();

        var plan = await _stage.PlanAsync();
        var (second, calls) = await _stage.DeployAsync();

        Assert.True(plan.IsUpToDate);
        Assert.IsType<HttpApiPlanner.ObservedApi>(plan.Resource("http_api").Observed);
        Assert.Equal(0, calls.MutatingCalls);
        Assert.Equal(
            ["IAM GetRole", "IAM GetRolePolicy", "Lambda GetFunction", "ApiGatewayV2 GetApi", "ApiGatewayV2 GetIntegrations", "ApiGatewayV2 GetRoutes",
             "ApiGatewayV2 GetStage", "Lambda GetPolicy"],
            calls.Attempts.Select(a => a.Operation.ToString()));
        Assert.Equal(first.State.Resources, second.State.Resources);
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "a route added", ["ApiGatewayV2 CreateRoute"] },
        { "a method removed", ["ApiGatewayV2 DeleteRoute"] },
        { "a route renamed", ["ApiGatewayV2 CreateRoute", "ApiGatewayV2 DeleteRoute"] },
        { "payload 1.0", ["ApiGatewayV2 UpdateIntegration"] },
        { "CORS added", ["ApiGatewayV2 UpdateApi"] },
        { "code", ["Lambda UpdateFunctionCode"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_kind_of_change_updates_only_what_differs(string change, string[] expected)
    {
        await _stage.DeployAsync();
        var objects = InMemoryStage.ObjectsRoute;
        switch (change)
        {
            case "a route added": _stage.Routes = [objects, objects with { Path = "/health", Methods = ["GET"] }]; break;
            case "a method removed": _stage.Routes = [objects with { Methods = ["GET"] }]; break;
            case "a route renamed": _stage.Routes = [objects with { Methods = ["GET"] }, objects with { Path = "/files/{key}", Methods = ["PUT"] }]; break;
            case "payload 1.0": _stage.ConfigJson = """{ "stages": { "dev": { "api_gateway_type": "http-v1" } } }"""; break;
            case "CORS added": _stage.Routes = [objects with { Cors = s_cors }]; break;
            case "code": _stage.Code = "v2"; break;
        }

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(expected, calls.MutatingOperations);
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
        var api = Assert.Single(Aws.FakeApiGatewayV2.Apis);
        var (routes, integrations, _) = Aws.FakeApiGatewayV2.Inspect(api.ApiId);
        var expectedKeys = _stage.Routes.SelectMany(r => r.Methods.Select(m => $"{m} {r.Path}")).Order();
        Assert.Equal(expectedKeys, routes.Select(r => r.RouteKey).Order());
        Assert.Equal(change == "payload 1.0" ? "1.0" : "2.0", Assert.Single(integrations).PayloadFormatVersion);
    }

    [Fact]
    public async Task The_apps_CORS_settings_become_the_APIs_CORS_configuration_and_removing_them_removes_it()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Cors = s_cors }];
        await _stage.DeployAsync();

        var cors = Assert.Single(Aws.FakeApiGatewayV2.Apis).CorsConfiguration!;

        // The headers CorsConfig gives the route (Chalice's defaults plus the route's own), its methods and OPTIONS.
        Assert.Equal(["https://example.com"], cors.AllowOrigins);
        Assert.Equal(["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key", "X-Trace"], cors.AllowHeaders);
        Assert.Equal(["GET", "PUT", "OPTIONS"], cors.AllowMethods);
        Assert.Equal(["X-Id"], cors.ExposeHeaders);
        Assert.Equal(600, cors.MaxAge);
        Assert.Null(cors.AllowCredentials);

        _stage.Routes = [InMemoryStage.ObjectsRoute];
        var (_, calls) = await _stage.DeployAsync();
        Assert.Equal(["ApiGatewayV2 DeleteCorsConfiguration"], calls.MutatingOperations);
        Assert.Null(Assert.Single(Aws.FakeApiGatewayV2.Apis).CorsConfiguration);
    }

    [Fact]
    public async Task Routes_with_different_CORS_settings_cannot_share_an_HTTP_APIs_one_configuration()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Cors = s_cors }, InMemoryStage.ObjectsRoute with { Path = "/health", Methods = ["GET"] }];
        var calls = Aws.CountCalls();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _stage.PlanAsync());

        Assert.Equal(
            "On an HTTP API, CORS applies to every route, but /objects/{key} and /health have different CORS settings (/health has none); " +
            "give every route the same, or use \"api_gateway_type\": \"rest\".", error.Message);
        Assert.Equal(0, calls.MutatingCalls);
    }

    [Fact]
    public async Task A_route_requiring_an_API_key_is_refused_since_HTTP_APIs_have_none()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute with { ApiKeyRequired = true }];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _stage.PlanAsync());

        Assert.StartsWith("Route /objects/{key} requires an API key, which HTTP APIs do not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_state_file_finds_the_HTTP_API_by_name_and_changes_nothing()
    {
        var (first, _) = await _stage.DeployAsync();
        _stage.Store.Delete("dev");

        var (second, calls) = await _stage.DeployAsync();

        Assert.Equal(0, calls.MutatingCalls);
        Assert.Single(Aws.FakeApiGatewayV2.Apis);
        Assert.Equal(first.State.Find<DeployedHttpApi>(), second.State.Find<DeployedHttpApi>());
        Assert.Equal(first.Url, second.Url);
    }

    public static TheoryData<string, string[]> Failures => new()
    {
        { "ApiGatewayV2 CreateApi", s_firstDeploy[3..] },
        { "ApiGatewayV2 CreateIntegration", s_firstDeploy[4..] },
        { "ApiGatewayV2 CreateRoute", s_firstDeploy[5..] },
        { "ApiGatewayV2 CreateStage", s_firstDeploy[7..] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_deploy_that_fails_at_any_HTTP_API_step_resumes_from_there(string failing, string[] rerun)
    {
        Aws.Inject(failing, InjectedFault.ServiceUnavailable);

        await Assert.ThrowsAsync<AwsServiceException>(() => _stage.DeployAsync());
        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(rerun, calls.MutatingOperations);
        AssertOneHttpApiWired();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Theory]
    [InlineData("ApiGatewayV2 CreateApi")]
    [InlineData("ApiGatewayV2 CreateIntegration")]
    public async Task A_create_whose_answer_was_lost_is_read_back_not_made_twice(string creating)
    {
        Aws.Inject(creating, InjectedFault.AnswerLost);

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(s_firstDeploy, calls.MutatingOperations);
        AssertOneHttpApiWired();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task Switching_a_stage_from_REST_to_HTTP_deploys_the_HTTP_API_moves_the_permission_and_deletes_the_REST_API_last()
    {
        _stage.ConfigJson = """{ "stages": { "dev": { } } }""";
        await _stage.DeployAsync();
        Assert.Single(Aws.FakeApiGateway.Apis);
        _stage.ConfigJson = InMemoryStage.HttpApiConfig;

        var plan = await _stage.PlanAsync();
        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(ResourceChange.Delete, plan.Resource("rest_api").Change);
        Assert.Equal(
        [
            "ApiGatewayV2 CreateApi", "ApiGatewayV2 CreateIntegration", "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateRoute", "ApiGatewayV2 CreateStage",
            "Lambda RemovePermission", "Lambda AddPermission", "API Gateway DeleteRestApi",
        ], calls.MutatingOperations);
        Assert.Empty(Aws.FakeApiGateway.Apis);
        AssertOneHttpApiWired();
        Assert.Null(result.State.Find<DeployedRestApi>());
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task Switching_a_stage_from_HTTP_back_to_REST_deletes_the_HTTP_API()
    {
        await _stage.DeployAsync();
        _stage.ConfigJson = """{ "stages": { "dev": { "api_gateway_type": "rest" } } }""";

        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(
        [
            "API Gateway CreateRestApi", "API Gateway PutRestApi", "API Gateway CreateDeployment", "Lambda RemovePermission", "Lambda AddPermission",
            "ApiGatewayV2 DeleteApi",
        ], calls.MutatingOperations);
        Assert.Empty(Aws.FakeApiGatewayV2.Apis);
        Assert.Single(Aws.FakeApiGateway.Apis);
        Assert.Null(result.State.Find<DeployedHttpApi>());
        Assert.EndsWith("/api/", result.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_no_longer_has_routes_deletes_its_HTTP_API_and_the_invoke_permission()
    {
        await _stage.DeployAsync();
        _stage.Routes = [];

        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(["Lambda RemovePermission", "ApiGatewayV2 DeleteApi"], calls.MutatingOperations);
        Assert.Empty(Aws.FakeApiGatewayV2.Apis);
        Assert.Empty(Aws.FakeLambda.Statements("s3test-dev"));
        Assert.Null(result.Url);
    }

    [Fact]
    public async Task Delete_removes_the_HTTP_API_with_everything_else_and_leaves_nothing()
    {
        await _stage.DeployAsync();
        var api = Assert.Single(Aws.FakeApiGatewayV2.Apis);

        var (deleted, calls) = await _stage.DeleteAsync();

        Assert.Equal(["ApiGatewayV2 DeleteApi", "Lambda DeleteFunction", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
        Assert.Equal([$"HTTP API {api.ApiId}", "Lambda function s3test-dev", "IAM role s3test-dev"], deleted);
        Assert.Empty(Aws.FakeApiGatewayV2.Apis);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Null(_stage.Store.Load("dev"));
    }

    [Fact]
    public async Task Delete_without_a_state_file_finds_the_tagged_HTTP_API_by_name()
    {
        await _stage.DeployAsync();
        _stage.Store.Delete("dev");

        var (deleted, _) = await _stage.DeleteAsync();

        Assert.Contains(deleted, d => d.StartsWith("HTTP API ", StringComparison.Ordinal));
        Assert.Empty(Aws.FakeApiGatewayV2.Apis);
    }

    public void Dispose() => _stage.Dispose();

    /// <summary>Exactly one HTTP API, integrated with the one function by a single integration its routes target, with its stage and permission.</summary>
    private void AssertOneHttpApiWired()
    {
        var function = Aws.FakeLambda.Inspect(Assert.Single(Aws.FakeLambda.FunctionNames)).Configuration;
        var api = Assert.Single(Aws.FakeApiGatewayV2.Apis);
        var (routes, integrations, stages) = Aws.FakeApiGatewayV2.Inspect(api.ApiId);
        var integration = Assert.Single(integrations);
        Assert.Equal(function.FunctionArn, integration.IntegrationUri);
        Assert.Equal(["GET /objects/{key}", "PUT /objects/{key}"], routes.Select(r => r.RouteKey).Order());
        Assert.All(routes, r => Assert.Equal($"integrations/{integration.IntegrationId}", r.Target));
        Assert.True(Assert.Single(stages).AutoDeploy);
        var statement = Assert.Single(Aws.FakeLambda.Statements(function.FunctionName));
        Assert.EndsWith($":{api.ApiId}/*", statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(api.ApiId, _stage.Store.Load("dev")!.Find<DeployedHttpApi>()!.HttpApiId);
    }
}
