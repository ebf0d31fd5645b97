using Chalice.Configuration;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// A stage's API keys and usage plan against an AWS account in memory: the first deploy (the plan made after the stage
/// exists), a no-op, each kind of change (a key's value, a disabled key, the plan's limits, a key removed) converging
/// with the calls it needs and no more, and what is refused in one line. AuthAppMotoTests proves the same on the wire.
/// </summary>
public sealed class InMemoryApiKeyDeployTests : IDisposable
{
    private const string PartnerKey = "partner-key-0123456789abcdef";

    private readonly InMemoryStage _stage = new()
    {
        Routes = [InMemoryStage.ObjectsRoute with { ApiKeyRequired = true }],
        ConfigJson = Config(keys: """[{ "name": "partner", "value_env": "PARTNER_KEY" }, { "name": "internal" }]""",
            plan: """{ "throttle": { "rate_limit": 10, "burst_limit": 20 } }"""),
    };

    public InMemoryApiKeyDeployTests() => _stage.EnvironmentVariables["PARTNER_KEY"] = PartnerKey;

    private InMemoryApiGateway ApiGateway => _stage.Aws.FakeApiGateway;

    private static string Config(string keys, string plan) =>
        $$"""{ "app_name": "s3test", "stages": { "dev": { "api_gateway_stage": "api", "api_keys": {{keys}}, "usage_plan": {{plan}} } } }""";

    [Fact]
    public async Task A_first_deploy_creates_the_keys_and_a_plan_for_the_stage_once_it_exists_and_a_second_changes_nothing()
    {
        var (result, calls) = await _stage.DeployAsync();

        var operations = calls.MutatingOperations;
        Assert.True(operations.ToList().IndexOf("API Gateway CreateUsagePlan") > operations.ToList().IndexOf("API Gateway CreateDeployment"));
        Assert.Equal(2, operations.Count(o => o == "API Gateway CreateApiKey"));
        Assert.Equal(2, operations.Count(o => o == "API Gateway CreateUsagePlanKey"));
        var partner = ApiGateway.ApiKeys.Single(k => k.Name == "s3test-dev-partner");
        Assert.Equal(PartnerKey, partner.Value);
        Assert.True(partner.Enabled);
        var plan = Assert.Single(ApiGateway.UsagePlans);
        var api = Assert.Single(ApiGateway.Apis);
        Assert.Equal([new ApiStage(api.Id, "api")], plan.ApiStages);
        Assert.Equal(new ThrottleSettings { RateLimit = 10, BurstLimit = 20 }, plan.Throttle);
        Assert.Equal(ApiGateway.ApiKeys.Select(k => k.Id).Order(StringComparer.Ordinal), ApiGateway.KeysOf(plan.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ApiGateway.ApiKeys.Select(k => k.Id).Order(StringComparer.Ordinal),
            result.State.Resources.OfType<DeployedApiKey>().Select(k => k.ApiKeyId).Order(StringComparer.Ordinal));

        var (_, noop) = await _stage.DeployAsync();
        Assert.Equal(0, noop.MutatingCalls);
    }

    [Fact]
    public async Task A_new_value_replaces_the_key_a_disabled_key_is_enabled_and_new_limits_are_patched()
    {
        await _stage.DeployAsync();
        var internalKey = ApiGateway.ApiKeys.Single(k => k.Name == "s3test-dev-internal");
        await _stage.Aws.ApiGateway.UpdateApiKeyAsync(internalKey.Id, [new PatchOperation("replace", "/enabled", "false")]);
        _stage.EnvironmentVariables["PARTNER_KEY"] = "rotated-partner-key-0123456789";
        _stage.ConfigJson = Config(keys: """[{ "name": "partner", "value_env": "PARTNER_KEY" }, { "name": "internal" }]""",
            plan: """{ "throttle": { "rate_limit": 10, "burst_limit": 50 }, "quota": { "limit": 5000, "period": "MONTH" } }""");

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(
            ["API Gateway DeleteApiKey", "API Gateway CreateApiKey", "API Gateway UpdateApiKey", "API Gateway UpdateUsagePlan", "API Gateway CreateUsagePlanKey"],
            calls.MutatingOperations);
        Assert.Equal("rotated-partner-key-0123456789", ApiGateway.ApiKeys.Single(k => k.Name == "s3test-dev-partner").Value);
        Assert.All(ApiGateway.ApiKeys, k => Assert.True(k.Enabled));
        var plan = Assert.Single(ApiGateway.UsagePlans);
        Assert.Equal(new ThrottleSettings { RateLimit = 10, BurstLimit = 50 }, plan.Throttle);
        Assert.Equal(new QuotaSettings { Limit = 5000, Period = "MONTH" }, plan.Quota);
        Assert.Equal(ApiGateway.ApiKeys.Select(k => k.Id).Order(StringComparer.Ordinal), ApiGateway.KeysOf(plan.Id).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Fact]
    public async Task A_key_removed_from_the_config_is_deleted_and_delete_removes_the_rest()
    {
        await _stage.DeployAsync();
        _stage.ConfigJson = Config(keys: """[{ "name": "internal" }]""", plan: "null");

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["API Gateway UpdateUsagePlan", "API Gateway DeleteUsagePlanKey", "API Gateway DeleteApiKey"], calls.MutatingOperations);
        Assert.Equal(["s3test-dev-internal"], ApiGateway.ApiKeys.Select(k => k.Name));
        Assert.Null(Assert.Single(ApiGateway.UsagePlans).Throttle);

        await _stage.DeleteAsync();
        Assert.Empty(ApiGateway.ApiKeys);
        Assert.Empty(ApiGateway.UsagePlans);
    }

    [Theory]
    [InlineData("API Gateway CreateApiKey")]
    [InlineData("API Gateway CreateUsagePlan")]
    [InlineData("API Gateway CreateUsagePlanKey")]
    [InlineData("Lambda AddPermission")]
    public async Task A_create_whose_answer_was_lost_is_read_back_not_made_twice(string creating)
    {
        _stage.Functions = [new Manifest.AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300)];
        _stage.Routes = [InMemoryStage.ObjectsRoute with { ApiKeyRequired = true, Authorizer = "Tokens" }];
        _stage.Aws.Inject(creating, InjectedFault.AnswerLost);

        await _stage.DeployAsync();

        AssertOneOfEach();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    [Theory]
    [InlineData("API Gateway CreateApiKey")]
    [InlineData("API Gateway CreateUsagePlan")]
    [InlineData("API Gateway CreateUsagePlanKey")]
    public async Task A_deploy_that_fails_midway_is_finished_by_the_next(string failing)
    {
        _stage.Aws.Inject(failing, InjectedFault.ServiceUnavailable);

        await Assert.ThrowsAsync<Chalice.Deploy.Aws.AwsServiceException>(() => _stage.DeployAsync());
        await _stage.DeployAsync();

        AssertOneOfEach();
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    private void AssertOneOfEach()
    {
        Assert.Equal(["s3test-dev-internal", "s3test-dev-partner"], ApiGateway.ApiKeys.Select(k => k.Name).Order(StringComparer.Ordinal));
        var plan = Assert.Single(ApiGateway.UsagePlans);
        Assert.Equal(ApiGateway.ApiKeys.Select(k => k.Id).Order(StringComparer.Ordinal), ApiGateway.KeysOf(plan.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_from_a_variable_that_is_not_set_is_one_line_before_anything_changes()
    {
        _stage.EnvironmentVariables.Clear();

        var error = await Assert.ThrowsAsync<ChaliceConfigException>(() => _stage.DeployAsync());

        Assert.Equal("The API key 'partner' takes its value from the environment variable PARTNER_KEY (value_env), which is not set.", error.Message);
        Assert.Empty(_stage.Aws.FakeLambda.FunctionNames);
    }

    [Fact]
    public async Task Keys_on_a_stage_serving_an_HTTP_API_are_refused_in_one_line()
    {
        _stage.Routes = [InMemoryStage.ObjectsRoute];
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http", "api_keys": [{ "name": "partner" }] } } }""";

        var error = await Assert.ThrowsAsync<ChaliceConfigException>(() => _stage.DeployAsync());

        Assert.Equal("dev: api_keys and usage_plan apply to a REST API, and this stage deploys an HTTP API, which has no API keys.", error.Message);
    }

    public void Dispose() => _stage.Dispose();
}
