using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.Planning.Resources;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// The planners against an AWS account in memory: the plan as data (resources, desired and observed state,
/// dependencies, steps and the outputs they consume) and what executing it does, for a first deploy, a no-op, each
/// kind of change, a lost state file, a failure midway and a lost answer, delete, and resources the app no longer has.
/// The moto suites (DeployerMotoTests, FaultInjectionTests) prove the same behaviour on the wire.
/// </summary>
public sealed class InMemoryDeployTests : IDisposable
{
    private static readonly string[] s_firstDeploy =
    [
        "IAM CreateRole", "IAM PutRolePolicy", "Lambda CreateFunction", "API Gateway CreateRestApi", "API Gateway PutRestApi",
        "API Gateway CreateDeployment", "Lambda AddPermission",
    ];

    private readonly InMemoryStage _stage = new();

    private InMemoryAws Aws => _stage.Aws;

    [Fact]
    public async Task A_first_deploy_plans_every_resource_as_new_with_steps_wired_by_their_outputs()
    {
        var calls = Aws.CountCalls();

        var plan = await _stage.PlanAsync();

        Assert.Equal(
            [("iam_role", "default-role", ResourceChange.Create), ("lambda_function", "api_handler", ResourceChange.Create),
             ("rest_api", "rest_api", ResourceChange.Create), ("lambda_permission", "api_handler_invoke_permission", ResourceChange.Create)],
            plan.Resources.Select(r => (r.Kind, r.Name, r.Change)));
        Assert.All(plan.Resources, r => Assert.Null(r.Observed));
        Assert.Empty(plan.Resource("default-role").DependsOn);
        Assert.Equal(["default-role"], plan.Resource("api_handler").DependsOn);
        Assert.Equal(["api_handler"], plan.Resource("rest_api").DependsOn);
        Assert.Equal(["api_handler", "rest_api"], plan.Resource("api_handler_invoke_permission").DependsOn);
        var desired = Assert.IsType<RolePlanner.DesiredRole>(plan.Resource("default-role").Desired);
        Assert.Equal(InMemoryStage.Policy, desired.Policy);

        Assert.Equal(s_firstDeploy, plan.Steps.Select(s => $"{s.Service.ServiceId} {s.Operation}"));
        var (createRole, createFunction, createApi, putApi, deployApi, addPermission) =
            (plan.Steps[0], plan.Steps[2], plan.Steps[3], plan.Steps[4], plan.Steps[5], plan.Steps[6]);
        Assert.Equal([createRole], createFunction.Prerequisites);
        Assert.Equal([createApi, createFunction], putApi.Prerequisites);
        Assert.Equal([createApi, putApi], deployApi.Prerequisites);
        Assert.Equal([createFunction, createApi], addPermission.Prerequisites);
        Assert.Equal(["role ARN"], createFunction.Consumes.Select(c => c.Description));
        Assert.Equal(["role ARN"], createRole.Produces.Select(p => p.Description));

        // Planning only reads: the role, the function, the APIs by name.
        Assert.Equal(["IAM GetRole", "Lambda GetFunction", "API Gateway GetRestApis"], calls.Attempts.Select(a => a.Operation.ToString()));
        Assert.Null(_stage.Store.Load("dev"));
        Assert.False(plan.IsUpToDate);
    }

    [Fact]
    public async Task A_first_deploy_creates_every_resource_wired_together_and_records_each()
    {
        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(s_firstDeploy, calls.MutatingOperations);
        // Three planning reads, and one poll while the new function is Pending.
        Assert.Equal(["IAM GetRole", "Lambda GetFunction", "API Gateway GetRestApis", "Lambda GetFunctionConfiguration"],
            calls.Attempts.Where(a => !a.Mutates).Select(a => a.Operation.ToString()));

        var role = (await Aws.Iam.GetRoleAsync("s3test-dev"))!;
        Assert.Equal("app=s3test:stage=dev", role.Tags[ResourceNames.TagKey]);
        Assert.True(PolicyJson.Same(InMemoryStage.Policy, Aws.FakeIam.InlinePolicies("s3test-dev")["s3test-dev"]));
        var function = Aws.FakeLambda.Inspect("s3test-dev");
        Assert.Equal(role.Arn, function.Configuration.Role);
        Assert.Equal(_stage.Package.CodeSha256, function.Configuration.CodeSha256);
        var api = Assert.Single(Aws.FakeApiGateway.Apis);
        var uri = Aws.FakeApiGateway.Definition(api.Id)!["paths"]!["/objects/{key}"]!["get"]!["x-amazon-apigateway-integration"]!["uri"]!;
        Assert.Contains(function.Configuration.FunctionArn!, uri.GetValue<string>(), StringComparison.Ordinal);
        var statement = Assert.Single(Aws.FakeLambda.Statements("s3test-dev"));
        Assert.Equal($"arn:aws:execute-api:us-east-1:{InMemoryAws.Account}:{api.Id}/*", statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>());

        var state = _stage.Store.Load("dev")!;
        Assert.Equal(["default-role", "api_handler", "rest_api", "api_handler_invoke_permission"], state.Resources.Select(r => r.Name));
        Assert.Equal(role.Arn, state.Find<DeployedRole>()!.RoleArn);
        var recordedApi = state.Find<DeployedRestApi>()!;
        Assert.Equal(Aws.FakeApiGateway.StageDeployment(api.Id, "api"), recordedApi.DeploymentId);
        Assert.Equal($"https://{api.Id}.execute-api.us-east-1.amazonaws.com/api/", result.Url);
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_app_plans_nothing_and_makes_no_mutating_call()
    {
        var (first, _) = await _stage.DeployAsync();
        var calls = Aws.CountCalls();

        var plan = await _stage.PlanAsync();

        Assert.True(plan.IsUpToDate);
        Assert.All(plan.Resources, r => Assert.Equal(ResourceChange.None, r.Change));
        Assert.All(plan.Resources, r => Assert.NotNull(r.Observed));
        Assert.IsType<RolePlanner.ObservedRole>(plan.Resource("default-role").Observed);
        // The same six reads as against moto: role, inline policy, function, API, stage, function policy.
        Assert.Equal(
            ["IAM GetRole", "IAM GetRolePolicy", "Lambda GetFunction", "API Gateway GetRestApi", "API Gateway GetStage", "Lambda GetPolicy"],
            calls.Attempts.Select(a => a.Operation.ToString()));
        var (second, deployCalls) = await _stage.DeployAsync();
        Assert.Equal(0, deployCalls.MutatingCalls);
        Assert.Equal(first.State.Resources, second.State.Resources);
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "code", ["Lambda UpdateFunctionCode"] },
        { "memory", ["Lambda UpdateFunctionConfiguration"] },
        { "environment", ["Lambda UpdateFunctionConfiguration"] },
        { "policy", ["IAM PutRolePolicy"] },
        { "tag", ["Lambda TagResource"] },
        { "untag", ["Lambda UntagResource"] },
        { "route", ["API Gateway PutRestApi", "API Gateway CreateDeployment"] },
        { "stage", ["API Gateway CreateDeployment"] },
        { "reserved concurrency", ["Lambda PutFunctionConcurrency"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_kind_of_change_updates_only_what_differs(string change, string[] expected)
    {
        _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "core" } } } }""";
        await _stage.DeployAsync();
        switch (change)
        {
            case "code": _stage.Code = "v2"; break;
            case "memory": _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "core" }, "lambda_memory_size": 512 } } }"""; break;
            case "environment": _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "core" }, "environment_variables": { "STAGE_NAME": "dev" } } } }"""; break;
            case "policy": _stage.PolicyJson = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""; break;
            case "tag": _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "edge" } } } }"""; break;
            case "untag": _stage.ConfigJson = """{ "stages": { "dev": { } } }"""; break;
            case "route": _stage.Routes = [InMemoryStage.ObjectsRoute, InMemoryStage.ObjectsRoute with { Path = "/health", Methods = ["GET"] }]; break;
            case "stage": _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "core" }, "api_gateway_stage": "v2" } } }"""; break;
            case "reserved concurrency": _stage.ConfigJson = """{ "stages": { "dev": { "tags": { "team": "core" }, "reserved_concurrency": 3 } } }"""; break;
        }

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(expected, calls.MutatingOperations);
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_code_and_configuration_change_waits_for_the_code_update_before_the_configuration()
    {
        await _stage.DeployAsync();
        Aws.FakeLambda.TransitionReads = 1;
        _stage.Code = "v2";
        _stage.ConfigJson = """{ "stages": { "dev": { "lambda_timeout": 30 } } }""";

        var plan = await _stage.PlanAsync();
        var (code, configuration) = (plan.Steps[0], plan.Steps[1]);
        Assert.Equal(["function update in progress"], code.Produces.Select(p => p.Description));
        Assert.Contains(code, configuration.Prerequisites);
        var (_, calls) = await _stage.DeployAsync();

        // The in-memory Lambda refuses an update while another is in progress, as Lambda does.
        Assert.Equal(["GetFunction", "UpdateFunctionCode", "GetFunctionConfiguration", "GetFunctionConfiguration", "UpdateFunctionConfiguration"],
            calls.Attempts.Where(a => a.Service == "Lambda" && a.Operation.Name != "GetPolicy").Select(a => a.Operation.Name));
        Assert.Equal(30, Aws.FakeLambda.Inspect("s3test-dev").Configuration.Timeout);
    }

    [Fact]
    public async Task A_lost_state_file_finds_every_resource_again_instead_of_duplicating_it()
    {
        var (first, _) = await _stage.DeployAsync();
        _stage.Store.Delete("dev");

        var plan = await _stage.PlanAsync();
        var (second, calls) = await _stage.DeployAsync();

        Assert.Equal(ResourceChange.Update, plan.Resource("rest_api").Change);
        Assert.Equal(["API Gateway PutRestApi", "API Gateway CreateDeployment"], calls.MutatingOperations);
        Assert.Single(Aws.FakeApiGateway.Apis);
        Assert.Equal(first.State.Find<DeployedRestApi>()!.RestApiId, second.State.Find<DeployedRestApi>()!.RestApiId);
        Assert.Equal(first.State.Resources.Select(r => r.Name), second.State.Resources.Select(r => r.Name));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    public static TheoryData<string, string[]> Failures => new()
    {
        { "IAM CreateRole", s_firstDeploy },
        { "IAM PutRolePolicy", s_firstDeploy[1..] },
        { "Lambda CreateFunction", s_firstDeploy[2..] },
        { "API Gateway CreateRestApi", s_firstDeploy[3..] },
        { "API Gateway PutRestApi", s_firstDeploy[4..] },
        // The definition is recorded as deployed only with its deployment: it is put again.
        { "API Gateway CreateDeployment", s_firstDeploy[4..] },
        { "Lambda AddPermission", s_firstDeploy[6..] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_deploy_that_fails_at_any_step_resumes_from_there(string failing, string[] rerun)
    {
        Aws.Inject(failing, InjectedFault.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _stage.DeployAsync());

        Assert.Equal(failing, $"{error.Service} {error.Operation}");
        var (_, calls) = await _stage.DeployAsync();
        Assert.Equal(rerun, calls.MutatingOperations);
        await AssertOneOfEachWiredAsync();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Theory]
    [InlineData("IAM CreateRole")]
    [InlineData("Lambda CreateFunction")]
    [InlineData("API Gateway CreateRestApi")]
    [InlineData("Lambda AddPermission")]
    public async Task A_create_whose_answer_was_lost_is_read_back_not_made_twice(string creating)
    {
        Aws.Inject(creating, InjectedFault.AnswerLost);

        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(s_firstDeploy, calls.MutatingOperations);
        Assert.Equal(4, result.State.Resources.Count);
        await AssertOneOfEachWiredAsync();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task Delete_removes_every_recorded_resource_dependents_first_and_then_the_state_file()
    {
        await _stage.DeployAsync();
        var api = Assert.Single(Aws.FakeApiGateway.Apis);

        var (deleted, calls) = await _stage.DeleteAsync();

        Assert.Equal(["API Gateway DeleteRestApi", "Lambda DeleteFunction", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
        Assert.Equal(0, calls.ReadCalls);
        Assert.Equal([$"REST API {api.Id}", "Lambda function s3test-dev", "IAM role s3test-dev"], deleted);
        Assert.Empty(Aws.FakeApiGateway.Apis);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Empty(Aws.FakeIam.RoleNames);
        Assert.Null(_stage.Store.Load("dev"));
    }

    [Fact]
    public async Task An_interrupted_delete_has_recorded_what_is_gone_and_the_next_one_finishes()
    {
        await _stage.DeployAsync();
        Aws.Inject("Lambda DeleteFunction", InjectedFault.ServiceUnavailable);

        await Assert.ThrowsAsync<AwsServiceException>(() => _stage.DeleteAsync());
        Assert.Equal(["default-role", "api_handler", "api_handler_invoke_permission"], _stage.Store.Load("dev")!.Resources.Select(r => r.Name));
        var (_, calls) = await _stage.DeleteAsync();

        Assert.Equal(["Lambda DeleteFunction", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Null(_stage.Store.Load("dev"));
    }

    [Fact]
    public async Task Delete_without_a_state_file_removes_what_carries_the_stages_tag_and_nothing_else()
    {
        await _stage.DeployAsync();
        _stage.Store.Delete("dev");
        // Named like the prod stage's role, but not the deployer's: it must survive a delete of prod.
        await Aws.Iam.CreateRoleAsync(new Chalice.Deploy.Aws.Iam.CreateRoleRequest { RoleName = "s3test-prod", AssumeRolePolicyDocument = RolePlanner.TrustPolicy });

        var (prodDeleted, prodCalls) = await _stage.DeleteAsync("prod");
        var (devDeleted, devCalls) = await _stage.DeleteAsync();

        Assert.Empty(prodDeleted);
        Assert.Equal(0, prodCalls.MutatingCalls);
        Assert.Equal(["IAM GetRole", "Lambda GetFunction", "API Gateway GetRestApis", "ApiGatewayV2 GetApis", "API Gateway GetUsagePlans"],
            devCalls.Attempts.Where(a => !a.Mutates).Select(a => a.Operation.ToString()));
        Assert.Equal(3, devDeleted.Count);
        Assert.Equal(["s3test-prod"], Aws.FakeIam.RoleNames);
        Assert.Empty(Aws.FakeLambda.FunctionNames);
        Assert.Empty(Aws.FakeApiGateway.Apis);
    }

    [Fact]
    public async Task A_stage_moved_to_a_role_of_the_users_switches_the_function_then_deletes_the_old_role()
    {
        await _stage.DeployAsync();
        var users = await Aws.Iam.CreateRoleAsync(new Chalice.Deploy.Aws.Iam.CreateRoleRequest { RoleName = "mine", AssumeRolePolicyDocument = RolePlanner.TrustPolicy });
        _stage.ConfigJson = $$"""{ "stages": { "dev": { "manage_iam_role": false, "iam_role_arn": "{{users.Arn}}" } } }""";
        var asked = _stage.PolicyRequests;

        var plan = await _stage.PlanAsync();
        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal(ResourceChange.Delete, plan.Resource("default-role").Change);
        Assert.Empty(plan.Resource("api_handler").DependsOn);
        Assert.Equal(["Lambda UpdateFunctionConfiguration", "IAM DeleteRolePolicy", "IAM DeleteRole"], calls.MutatingOperations);
        Assert.Equal(asked, _stage.PolicyRequests);
        Assert.Equal(users.Arn, Aws.FakeLambda.Inspect("s3test-dev").Configuration.Role);
        Assert.Equal(["mine"], Aws.FakeIam.RoleNames);
        Assert.Null(result.State.Find<DeployedRole>());
        Assert.Null(_stage.Store.Load("dev")!.Find<DeployedRole>());
    }

    [Fact]
    public async Task An_app_that_no_longer_has_routes_deletes_its_api_and_the_invoke_permission()
    {
        await _stage.DeployAsync();
        _stage.Routes = [];

        var plan = await _stage.PlanAsync();
        var (result, calls) = await _stage.DeployAsync();

        Assert.Equal([ResourceChange.Delete, ResourceChange.Delete], plan.Resources.Where(r => r.Name is "rest_api" or "api_handler_invoke_permission").Select(r => r.Change));
        Assert.Equal(["Lambda RemovePermission", "API Gateway DeleteRestApi"], calls.MutatingOperations);
        Assert.Empty(Aws.FakeApiGateway.Apis);
        Assert.Empty(Aws.FakeLambda.Statements("s3test-dev"));
        Assert.Equal(["default-role", "api_handler"], result.State.Resources.Select(r => r.Name));
        Assert.Null(result.Url);
    }

    [Fact]
    public async Task The_dry_run_text_lists_each_resource_and_each_step_with_the_outputs_it_consumes()
    {
        var plan = await _stage.PlanAsync();

        Assert.Equal(
        [
            "iam_role default-role (s3test-dev): create",
            "lambda_function api_handler (s3test-dev): create, uses default-role",
            "rest_api rest_api (s3test-dev): create, uses api_handler",
            "lambda_permission api_handler_invoke_permission (s3test-dev): create, uses api_handler, rest_api",
            "1. IAM CreateRole s3test-dev: the role does not exist",
            "2. IAM PutRolePolicy s3test-dev: the role is new",
            "3. Lambda CreateFunction s3test-dev: the function does not exist",
            "   uses the role ARN from step 1",
            "4. API Gateway CreateRestApi s3test-dev: the API does not exist",
            "5. API Gateway PutRestApi s3test-dev: the API is new",
            "   uses the REST API id from step 4",
            "   uses the function ARN from step 3",
            "6. API Gateway CreateDeployment s3test-dev stage api: the API is new",
            "   uses the REST API id from step 4",
            "   uses the definition hash from step 5",
            "7. Lambda AddPermission s3test-dev: the function is new",
            "   uses the API's execute-api ARN from step 3, 4",
        ], plan.Describe());
    }

    [Fact]
    public async Task A_plan_runs_once()
    {
        var plan = await _stage.PlanAsync();
        var deployer = new Deployer(Aws, _stage.Store);
        await deployer.ExecuteAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => deployer.ExecuteAsync(plan, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_state_file_of_another_region_stops_the_deploy_before_any_call()
    {
        _stage.Store.Save(new DeployedState { AppName = "s3test", Stage = "dev", Region = "eu-west-1" });
        var calls = Aws.CountCalls();

        var error = await Assert.ThrowsAsync<DeployedStateException>(() => _stage.PlanAsync());

        Assert.Contains("records a deployment in eu-west-1, not us-east-1", error.Message, StringComparison.Ordinal);
        Assert.Empty(calls.Attempts);
    }

    public void Dispose() => _stage.Dispose();

    /// <summary>Exactly one role, function and API, wired together: the function runs as the role, the API integrates it and may invoke it.</summary>
    private async Task AssertOneOfEachWiredAsync()
    {
        var role = Assert.Single(Aws.FakeIam.RoleNames);
        var function = Aws.FakeLambda.Inspect(Assert.Single(Aws.FakeLambda.FunctionNames)).Configuration;
        var api = Assert.Single(Aws.FakeApiGateway.Apis);
        Assert.Equal((await Aws.Iam.GetRoleAsync(role))!.Arn, function.Role);
        Assert.NotNull(Aws.FakeApiGateway.StageDeployment(api.Id, "api"));
        Assert.Contains(function.FunctionArn!, Aws.FakeApiGateway.Definition(api.Id)!.ToJsonString(), StringComparison.Ordinal);
        var statement = Assert.Single(Aws.FakeLambda.Statements(function.FunctionName));
        Assert.EndsWith($":{api.Id}/*", statement["Condition"]!["ArnLike"]!["AWS:SourceArn"]!.GetValue<string>(), StringComparison.Ordinal);
        var state = _stage.Store.Load("dev")!;
        Assert.Equal(api.Id, state.Find<DeployedRestApi>()!.RestApiId);
        Assert.Equal(function.FunctionArn, state.Find<DeployedFunction>()!.LambdaArn);
        Assert.NotNull(state.Find<DeployedPermission>());
    }

    // What moto 5.2.1 cannot show (its UpdateFunctionConfiguration ignores TracingConfig and EphemeralStorage, its
    // UpdateRestApi /minimumCompressionSize and VPC endpoints, its PutRestApi the document's policy), against the fakes,
    // which apply them as AWS documents: UpdateFunctionConfiguration replaces each member sent
    // (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html), UpdateRestApi's patch
    // paths (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html).
    [Fact]
    public async Task Turning_on_tracing_and_more_ephemeral_storage_updates_the_function_once_and_then_nothing()
    {
        await _stage.DeployAsync();
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "xray": true, "lambda_ephemeral_storage": 1024 } } }""";

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["Lambda UpdateFunctionConfiguration", "API Gateway UpdateStage"], calls.MutatingOperations);
        var configuration = Aws.FakeLambda.Inspect("s3test-dev").Configuration;
        Assert.Equal(("Active", 1024), (configuration.TracingConfig!.Mode, configuration.EphemeralStorage!.Size));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task Changing_compression_VPC_endpoints_and_the_policy_patches_the_API_and_puts_its_definition_again()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": "vpce-1" } } }""";
        await _stage.DeployAsync();
        _stage.ConfigJson = """
            { "app_name": "s3test", "stages": { "dev": { "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": ["vpce-2"],
              "minimum_compression_size": 512 } } }
            """;

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["API Gateway UpdateRestApi", "API Gateway PutRestApi", "API Gateway CreateDeployment"], calls.MutatingOperations);
        var api = Assert.Single(Aws.FakeApiGateway.Apis);
        Assert.Equal(["vpce-2"], api.EndpointConfiguration!.VpcEndpointIds!);
        Assert.Equal(512, api.MinimumCompressionSize);
        var definition = Aws.FakeApiGateway.Definition(api.Id)!;
        Assert.Equal("vpce-2", definition["x-amazon-apigateway-policy"]!["Statement"]![0]!["Condition"]!["StringEquals"]!["aws:SourceVpce"]!.GetValue<string>());
        Assert.Equal(512, definition["x-amazon-apigateway-minimum-compression-size"]!.GetValue<int>());
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }
}
