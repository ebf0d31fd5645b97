using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Testing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// The deployer against moto, with the real clients, checked from the outside with the AWS CLI. Every request sent
/// in these tests is validated against the botocore model.
/// </summary>
public sealed class DeployerMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string ConfiguredStage = """
        {
          "app_name": "s3test",
          "stages": {
            "dev": {
              "api_gateway_stage": "api",
              "lambda_memory_size": 256,
              "lambda_timeout": 30,
              "environment_variables": { "BUCKET_NAME": "my-bucket" },
              "tags": { "team": "core" }
            }
          }
        }
        """;

    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto, configJson: ConfiguredStage);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    [Fact]
    public async Task First_deploy_creates_what_the_aws_cli_then_sees()
    {
        var app = await apps.S3Test;

        var (result, calls) = await _harness.DeployAsync(_harness.Spec(app));

        var role = (await AwsCli.RunAsync(moto, "iam", "get-role", "--role-name", "s3test-dev")).GetProperty("Role");
        var trust = role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0];
        Assert.Equal("lambda.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("sts:AssumeRole", trust.GetProperty("Action").GetString());
        var inline = await AwsCli.RunAsync(moto, "iam", "get-role-policy", "--role-name", "s3test-dev", "--policy-name", "s3test-dev");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(inline.GetProperty("PolicyDocument").GetRawText()), JsonNode.Parse(DeployHarness.Policy)));

        var function = await AwsCli.RunAsync(moto, "lambda", "get-function", "--function-name", "s3test-dev");
        var configuration = function.GetProperty("Configuration");
        Assert.Equal("dotnet10", configuration.GetProperty("Runtime").GetString());
        Assert.Equal("S3Test", configuration.GetProperty("Handler").GetString());
        Assert.Equal(["x86_64"], configuration.GetProperty("Architectures").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(256, configuration.GetProperty("MemorySize").GetInt32());
        Assert.Equal(30, configuration.GetProperty("Timeout").GetInt32());
        Assert.Equal("my-bucket", configuration.GetProperty("Environment").GetProperty("Variables").GetProperty("BUCKET_NAME").GetString());
        Assert.Equal(role.GetProperty("Arn").GetString(), configuration.GetProperty("Role").GetString());
        Assert.Equal(app.Package.CodeSha256, configuration.GetProperty("CodeSha256").GetString());
        var tags = function.GetProperty("Tags");
        Assert.Equal("core", tags.GetProperty("team").GetString());
        Assert.Equal("app=s3test:stage=dev", tags.GetProperty("chalice-net").GetString());
        var functionArn = configuration.GetProperty("FunctionArn").GetString();

        var api = Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());
        Assert.Equal("s3test-dev", api.GetProperty("name").GetString());
        var apiId = api.GetProperty("id").GetString()!;
        var resources = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", apiId, "--embed", "methods"))
            .GetProperty("items").EnumerateArray().ToList();
        var objects = Assert.Single(resources, r => r.GetProperty("path").GetString() == "/objects/{key}");
        Assert.Equal(["GET", "PUT"], objects.GetProperty("resourceMethods").EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));
        foreach (var method in new[] { "GET", "PUT" })
        {
            var integration = await AwsCli.RunAsync(moto, "apigateway", "get-integration", "--rest-api-id", apiId,
                "--resource-id", objects.GetProperty("id").GetString()!, "--http-method", method);
            // API Gateway reports the type in upper case; moto keeps the document's spelling.
            Assert.Equal("AWS_PROXY", integration.GetProperty("type").GetString(), ignoreCase: true);
            Assert.Equal("POST", integration.GetProperty("httpMethod").GetString());
            Assert.Equal($"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{functionArn}/invocations",
                integration.GetProperty("uri").GetString());
        }

        var stage = await AwsCli.RunAsync(moto, "apigateway", "get-stage", "--rest-api-id", apiId, "--stage-name", "api");
        var state = _harness.Store.Load("dev")!;
        Assert.Equal(state.Find<DeployedRestApi>()!.DeploymentId, stage.GetProperty("deploymentId").GetString());

        var policy = JsonNode.Parse((await AwsCli.RunAsync(moto, "lambda", "get-policy", "--function-name", "s3test-dev")).GetProperty("Policy").GetString()!)!;
        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal("apigateway.amazonaws.com", statement["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("lambda:InvokeFunction", statement["Action"]!.GetValue<string>());
        Assert.Equal($"arn:aws:execute-api:us-east-1:{MotoServer.AccountId}:{apiId}/*", statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());

        Assert.Equal($"https://{apiId}.execute-api.us-east-1.amazonaws.com/api/", result.Url);
        Assert.Equal(apiId, state.Find<DeployedRestApi>()!.RestApiId);
        Assert.Equal(functionArn, state.Find<DeployedFunction>()!.LambdaArn);
        Assert.Equal(role.GetProperty("Arn").GetString(), state.Find<DeployedRole>()!.RoleArn);
        Assert.NotNull(state.Find<DeployedPermission>());

        // Chalice, measured on moto: 11 calls, 8 of them mutating. Ours: 3 reads (role, function, APIs by name) + 7.
        Assert.Equal(3, calls.ReadCalls);
        Assert.Equal(
            ["IAM CreateRole", "IAM PutRolePolicy", "Lambda CreateFunction", "API Gateway CreateRestApi", "API Gateway PutRestApi",
             "API Gateway CreateDeployment", "Lambda AddPermission"],
            calls.MutatingOperations);
    }

    [Fact]
    public async Task Redeploying_an_unchanged_app_makes_no_mutating_call()
    {
        var app = await apps.S3Test;
        var (first, _) = await _harness.DeployAsync(_harness.Spec(app));

        var (second, calls) = await _harness.DeployAsync(_harness.Spec(app));

        Assert.Empty(second.Changes);
        Assert.Equal(0, calls.MutatingCalls);
        // Chalice: 13 calls, 7 mutating. Ours: role, inline policy, function, API, stage, function policy.
        Assert.Equal(6, calls.ReadCalls);
        Assert.All(calls.Attempts, a => Assert.False(a.Mutates, a.Operation.ToString()));
        Assert.Equal(first.State.Resources, second.State.Resources);
    }

    [Fact]
    public async Task A_code_change_only_updates_the_code()
    {
        var app = await apps.S3Test;
        await _harness.DeployAsync(_harness.Spec(app));
        var changed = _harness.WithChangedCode(app);

        var (result, calls) = await _harness.DeployAsync(_harness.Spec(changed));

        Assert.Equal(["Lambda UpdateFunctionCode"], calls.MutatingOperations);
        Assert.Equal(changed.Package.CodeSha256, result.State.Find<DeployedFunction>()!.CodeSha256);
        var function = await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "s3test-dev");
        Assert.Equal(changed.Package.CodeSha256, function.GetProperty("CodeSha256").GetString());
    }

    [Fact]
    public async Task Each_kind_of_change_makes_only_the_calls_it_needs()
    {
        var app = await apps.S3Test;
        await _harness.DeployAsync(_harness.Spec(app));

        _harness.ConfigJson = ConfiguredStage.Replace("\"lambda_memory_size\": 256", "\"lambda_memory_size\": 512", StringComparison.Ordinal);
        Assert.Equal(["Lambda UpdateFunctionConfiguration"], (await _harness.DeployAsync(_harness.Spec(app))).Calls.MutatingOperations);
        Assert.Equal(512, (await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "s3test-dev")).GetProperty("MemorySize").GetInt32());

        const string widened = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        Assert.Equal(["IAM PutRolePolicy"], (await _harness.DeployAsync(_harness.Spec(app, policy: widened))).Calls.MutatingOperations);

        _harness.ConfigJson = _harness.ConfigJson.Replace("\"team\": \"core\"", "\"team\": \"edge\"", StringComparison.Ordinal);
        Assert.Equal(["Lambda TagResource"], (await _harness.DeployAsync(_harness.Spec(app, policy: widened))).Calls.MutatingOperations);

        var extraRoute = new RouteManifest("/health", ["GET"], "Health", "health", ["application/json"], null, false, null);
        var moreRoutes = app with { Manifest = app.Manifest with { Routes = [.. app.Manifest.Routes, extraRoute] } };
        var (result, calls) = await _harness.DeployAsync(_harness.Spec(moreRoutes, policy: widened));
        Assert.Equal(["API Gateway PutRestApi", "API Gateway CreateDeployment"], calls.MutatingOperations);
        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        var paths = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", apiId)).GetProperty("items")
            .EnumerateArray().Select(r => r.GetProperty("path").GetString());
        Assert.Contains("/health", paths);

        _harness.ConfigJson = _harness.ConfigJson.Replace("\"lambda_timeout\": 30,", "\"lambda_timeout\": 30, \"reserved_concurrency\": 3,", StringComparison.Ordinal);
        Assert.Equal(["Lambda PutFunctionConcurrency"], (await _harness.DeployAsync(_harness.Spec(moreRoutes, policy: widened))).Calls.MutatingOperations);
        Assert.Equal(0, (await _harness.DeployAsync(_harness.Spec(moreRoutes, policy: widened))).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_lost_state_file_finds_the_resources_again_instead_of_duplicating_them()
    {
        var app = await apps.S3Test;
        var (first, _) = await _harness.DeployAsync(_harness.Spec(app));
        _harness.Store.Delete("dev");

        var (second, calls) = await _harness.DeployAsync(_harness.Spec(app));

        Assert.DoesNotContain(calls.MutatingOperations, o => o.Contains("Create", StringComparison.Ordinal) && o != "API Gateway CreateDeployment");
        Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());
        Assert.Equal(first.State.Find<DeployedRestApi>()!.RestApiId, second.State.Find<DeployedRestApi>()!.RestApiId);
        Assert.Equal(first.State.Find<DeployedFunction>()!.LambdaArn, _harness.Store.Load("dev")!.Find<DeployedFunction>()!.LambdaArn);
        Assert.Equal(0, (await _harness.DeployAsync(_harness.Spec(app))).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_state_file_of_another_region_stops_the_deploy_before_any_call()
    {
        var app = await apps.S3Test;
        _harness.Store.Save(new DeployedState { AppName = "s3test", Stage = "dev", Region = "eu-west-1" });
        var calls = new AwsCallRecorder();

        var error = await Assert.ThrowsAsync<DeployedStateException>(() =>
            new Deployer(_harness.Clients(calls), _harness.Store).PlanAsync(_harness.Spec(app), TestContext.Current.CancellationToken));

        Assert.Contains("records a deployment in eu-west-1, not us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Empty(calls.Attempts);
    }

    [Fact]
    public async Task Delete_leaves_nothing_behind()
    {
        var app = await apps.S3Test;
        await _harness.DeployAsync(_harness.Spec(app));

        var calls = await _harness.DeleteAsync();

        Assert.Equal(["API Gateway DeleteRestApi", "Lambda DeleteFunction", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
        Assert.Null(_harness.Store.Load("dev"));
        await AssertNothingDeployedAsync();
    }

    [Fact]
    public async Task Delete_without_a_state_file_removes_the_tagged_resources_of_the_stage()
    {
        var app = await apps.S3Test;
        await _harness.DeployAsync(_harness.Spec(app));
        _harness.Store.Delete("dev");

        await _harness.DeleteAsync();

        await AssertNothingDeployedAsync();
    }

    [Fact]
    public async Task A_deploy_that_fails_midway_has_recorded_what_it_created_so_a_rerun_resumes_and_delete_removes_it()
    {
        var app = await apps.S3Test;
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        using var harness = new DeployHarness(proxy.Endpoint) { ConfigJson = ConfiguredStage };
        // Every attempt to create the REST API fails until the fault is lifted.
        var failing = true;
        proxy.FailWhen(r => failing && r.Method == "POST" && r.PathAndQuery == "/restapis", ProxyFault.InternalServerError, times: 100);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => harness.DeployAsync(harness.Spec(app)));
        Assert.Equal("CreateRestApi", error.Operation);
        var recorded = harness.Store.Load("dev")!;
        Assert.NotNull(recorded.Find<DeployedRole>());
        Assert.NotNull(recorded.Find<DeployedFunction>());
        Assert.Null(recorded.Find<DeployedRestApi>());

        failing = false;
        var (_, calls) = await harness.DeployAsync(harness.Spec(app));
        Assert.Equal(["API Gateway CreateRestApi", "API Gateway PutRestApi", "API Gateway CreateDeployment", "Lambda AddPermission"],
            calls.MutatingOperations);
        Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis")).GetProperty("items").EnumerateArray());

        await harness.DeleteAsync();
        await AssertNothingDeployedAsync();
        ModelConformance.AssertConform(harness.Capture.Requests);
    }

    [Fact]
    public async Task A_stage_can_run_as_a_role_of_the_users()
    {
        var app = await apps.S3Test;
        var role = (await AwsCli.RunAsync(moto, "iam", "create-role", "--role-name", "mine",
            "--assume-role-policy-document", TrustPolicy)).GetProperty("Role").GetProperty("Arn").GetString()!;
        _harness.ConfigJson = $$"""{ "stages": { "dev": { "manage_iam_role": false, "iam_role_arn": "{{role}}" } } }""";
        var policyAsked = false;
        var spec = _harness.Spec(app) with { Policy = _ => { policyAsked = true; return Task.FromResult(FunctionPolicies.Same("{}")); } };

        var (result, calls) = await _harness.DeployAsync(spec);

        Assert.False(policyAsked);
        Assert.DoesNotContain(calls.MutatingOperations, o => o.StartsWith("IAM", StringComparison.Ordinal));
        Assert.Null(result.State.Find<DeployedRole>());
        Assert.Equal(role, (await AwsCli.RunAsync(moto, "lambda", "get-function-configuration", "--function-name", "s3test-dev")).GetProperty("Role").GetString());
    }

    [Fact]
    public async Task The_bigger_test_app_gets_every_route_with_its_methods()
    {
        var app = (await apps.TestApp).WithoutCors();
        _harness.AppName = "testapp";

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        var functionArn = result.State.Find<DeployedFunction>()!.LambdaArn;
        var resources = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", apiId, "--embed", "methods"))
            .GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r);
        foreach (var route in app.Manifest.Routes)
        {
            Assert.True(resources.TryGetValue(route.Path, out var resource), $"{route.Path} is missing");
            var methods = resource.GetProperty("resourceMethods").EnumerateObject().Select(m => m.Name).ToList();
            Assert.All(route.Methods, m => Assert.Contains(m, methods));
        }
        var greedy = await AwsCli.RunAsync(moto, "apigateway", "get-integration", "--rest-api-id", apiId,
            "--resource-id", resources["/files/{path+}"].GetProperty("id").GetString()!, "--http-method", "GET");
        Assert.Equal($"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{functionArn}/invocations", greedy.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task The_deployed_api_defines_exactly_the_methods_the_gateway_simulation_passes_to_the_function()
    {
        // Local = AWS for a method a route does not serve: the deployed REST API defines only the routes' methods (plus
        // the CORS preflight), and API Gateway answers any other method of a resource with 403 Missing Authentication
        // Token (https://repost.aws/knowledge-center/api-gateway-authentication-token-errors: "a method or resource
        // that does not exist"). So for every resource and method, the simulation must invoke the function exactly
        // when the deployed API defines the method.
        var packaged = await apps.TestApp;
        _harness.AppName = "testapp";
        var (result, _) = await _harness.DeployAsync(_harness.Spec(packaged.WithoutCors()));
        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        var deployed = (await AwsCli.RunAsync(moto, "apigateway", "get-resources", "--rest-api-id", apiId, "--embed", "methods"))
            .GetProperty("items").EnumerateArray()
            .Where(r => r.TryGetProperty("resourceMethods", out _))
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("resourceMethods").EnumerateObject().Select(m => m.Name).ToHashSet());
        // moto cannot import the preflight's mock integration (see PackagedApp.WithoutCors), so those OPTIONS methods are
        // read from the definition the deployer sends, which OpenApiDocumentTests check against Chalice's.
        var definition = OpenApiDocument.Create(packaged.Manifest, new OpenApiSettings("testapp-dev", "d", "uri", []));
        foreach (var (path, item) in definition["paths"]!.AsObject())
        {
            if (item!["options"]?["x-amazon-apigateway-integration"]?["type"]?.GetValue<string>() == "mock")
                deployed[path].Add("OPTIONS");
        }

        await using var client = ChaliceTestClient.Create<TestApp.App>();
        Assert.Equal(packaged.Manifest.Routes.Select(r => r.Path).Distinct().Order(StringComparer.Ordinal), deployed.Keys.Order(StringComparer.Ordinal));
        foreach (var (template, methods) in deployed)
        {
            var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
            foreach (var method in (string[])["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
            {
                var response = await client.SendAsync(method, path);
                var answeredByGateway = response.Header("x-amzn-ErrorType") == "MissingAuthenticationTokenException";
                Assert.True(methods.Contains(method) != answeredByGateway,
                    $"{method} {template}: deployed {methods.Contains(method)}, the simulation answered {response.StatusCode} {response.BodyText}");
            }
        }
    }

    private async Task AssertNothingDeployedAsync()
    {
        Assert.Empty((await AwsCli.RunAsync(moto, "iam", "list-roles")).GetProperty("Roles").EnumerateArray());
        Assert.Empty((await AwsCli.RunAsync(moto, "lambda", "list-functions")).GetProperty("Functions").EnumerateArray());
        var apis = await AwsCli.RunAsync(moto, "apigateway", "get-rest-apis");
        Assert.True(!apis.TryGetProperty("items", out var items) || items.GetArrayLength() == 0, apis.ToString());
    }
}
