using Chalice.Configuration;

namespace Chalice.Project.Tests;

/// <summary>
/// <c>api_keys</c> and <c>usage_plan</c>: read into records for the deployer and the emulator, and every member checked,
/// an unknown one refused like an unknown key. The usage plan's types are API Gateway's ThrottleSettings and
/// QuotaSettings (shared/fixtures/aws-models/apigateway/2015-07-09/service-2.json: rateLimit a double, burstLimit and
/// limit integers, period a QuotaPeriodType of DAY, WEEK or MONTH).
/// </summary>
public sealed class ApiKeyConfigTests
{
    private const string File = "app/.chalice/config.json";

    [Fact]
    public void Keys_and_the_plan_are_read_per_stage()
    {
        var config = ChaliceConfig.Parse("""
            { "api_keys": [{ "name": "everyone" }],
              "stages": { "prod": {
                "api_keys": [{ "name": "partner", "value_env": "PARTNER_KEY" }, { "name": "dev", "local_value": "dev-key-for-local-use" }],
                "usage_plan": { "throttle": { "rate_limit": 12.5, "burst_limit": 20 }, "quota": { "limit": 1000, "period": "DAY" } } } } }
            """, File);

        var prod = config.ForStage("prod");
        Assert.Empty(config.Validate("prod"));
        Assert.Equal([new ApiKeyConfig("partner", "PARTNER_KEY", null), new ApiKeyConfig("dev", null, "dev-key-for-local-use")], prod.ApiKeys);
        Assert.Equal(new UsagePlanConfig(new UsagePlanThrottle(12.5, 20), new UsagePlanQuota(1000, "DAY")), prod.UsagePlan);
        Assert.Equal([new ApiKeyConfig("everyone", null, null)], config.ForStage("dev").ApiKeys);
        Assert.Null(config.ForStage("dev").UsagePlan);
    }

    [Theory]
    [InlineData("""{ "api_keys": { "name": "partner" } }""",
        "\"api_keys\" must be a list of {\"name\": ..., \"value_env\": ..., \"local_value\": ...} objects, not {\"name\":\"partner\"}")]
    [InlineData("""{ "api_keys": [{ "name": "partner", "value": "s3cr3t-key-in-git" }] }""",
        "\"api_keys\" must be a list of {\"name\": ..., \"value_env\": ..., \"local_value\": ...} objects, but entry 0 has the unknown member \"value\"")]
    [InlineData("""{ "api_keys": [{ "value_env": "KEY" }] }""",
        "\"api_keys\" must be a list of {\"name\": ..., \"value_env\": ..., \"local_value\": ...} objects, but entry 0 has no \"name\"")]
    [InlineData("""{ "api_keys": [{ "name": "a" }, { "name": "a" }] }""",
        "\"api_keys\" must be a list of {\"name\": ..., \"value_env\": ..., \"local_value\": ...} objects with distinct names, but \"a\" is there twice")]
    [InlineData("""{ "api_keys": [{ "name": "a", "value_env": 3 }] }""",
        "\"api_keys\" must be a list of {\"name\": ..., \"value_env\": ..., \"local_value\": ...} objects, but \"value_env\" of entry 0 is 3, not a string")]
    [InlineData("""{ "usage_plan": { "throttle": { "rate_limit": 10, "burst_limit": 5 }, "burst": 3 } }""",
        "\"usage_plan\" must be {\"throttle\": {\"rate_limit\": <requests per second>, \"burst_limit\": <requests>}, \"quota\": {\"limit\": <requests>, \"period\": \"DAY\", \"WEEK\" or \"MONTH\"}}, either part optional; \"burst\" is not one of its members")]
    [InlineData("""{ "usage_plan": { "quota": { "limit": 100, "period": "YEAR" } } }""",
        "\"usage_plan\" must be {\"throttle\": {\"rate_limit\": <requests per second>, \"burst_limit\": <requests>}, \"quota\": {\"limit\": <requests>, \"period\": \"DAY\", \"WEEK\" or \"MONTH\"}}, either part optional; \"quota\" must have a positive integer \"limit\" and a \"period\" of \"DAY\", \"WEEK\" or \"MONTH\", not {\"limit\":100,\"period\":\"YEAR\"}")]
    [InlineData("""{ "usage_plan": { "throttle": { "rate_limit": 10 } } }""",
        "\"usage_plan\" must be {\"throttle\": {\"rate_limit\": <requests per second>, \"burst_limit\": <requests>}, \"quota\": {\"limit\": <requests>, \"period\": \"DAY\", \"WEEK\" or \"MONTH\"}}, either part optional; \"throttle\" must have a positive \"rate_limit\" and an integer \"burst_limit\" of at least 0, not {\"rate_limit\":10}")]
    public void A_malformed_key_or_plan_is_one_line_naming_what_is_wrong(string json, string message)
    {
        var problem = Assert.Single(ChaliceConfig.Parse(json, File).Validate("dev"));

        Assert.Equal(ConfigProblemKind.InvalidValue, problem.Kind);
        Assert.Equal($"{File}: {message}", problem.ToString());
    }

    [Fact]
    public void Keys_are_not_settings_of_a_function()
    {
        var problem = Assert.Single(ChaliceConfig.Parse("""{ "lambda_functions": { "api_handler": { "api_keys": [] } } }""", File).Validate("dev"));

        Assert.Equal(ConfigProblemKind.MisplacedSetting, problem.Kind);
    }
}
