using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package</c>'s templates of an app with built-in authorizers: each authorizer's function, the permission that lets
/// the API's authorizers invoke it, and its URI in the definition's security scheme as an <c>Fn::Sub</c> of the
/// function's ARN (as Chalice's package.py writes them); the stage's API keys (a value_env key's value a NoEcho
/// parameter) and the usage plan for the REST API's stage; both formats cfn-lint clean.
/// </summary>
public sealed class AuthorizerTemplateTests
{
    private static readonly FunctionPolicies Policy =
        FunctionPolicies.Same("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");

    private static readonly FunctionManifest[] s_functions =
    [
        new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
        new AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300),
        new AuthorizerFunctionManifest("ByTenant", "Tenants", "REQUEST", ["method.request.header.X-Key", "method.request.querystring.tenant"], 0),
    ];

    private const string WithKeys = """
        { "api_keys": [{ "name": "partner", "value_env": "PARTNER_KEY" }, { "name": "internal" }],
          "usage_plan": { "throttle": { "rate_limit": 12.5, "burst_limit": 20 }, "quota": { "limit": 1000, "period": "DAY" } } }
        """;

    private static DeploymentSpec Spec(string config = WithKeys) => new()
    {
        AppName = "shop",
        Config = ChaliceConfig.Parse(config).ForStage("prod"),
        FunctionConfig = function => ChaliceConfig.Parse(config).ForStage("prod", function),
        Package = new LambdaPackage("deployment.zip", "sha=", 1, "provided.al2023", "bootstrap", "x86_64", [], ""),
        Manifest = new AppManifest("shop", s_functions,
        [
            new RouteManifest("/orders", ["GET"], "Orders", "orders", [], null, false, "Tokens"),
            new RouteManifest("/tenants", ["GET"], "Tenant", "tenant", [], null, true, "ByTenant"),
        ]),
        Policy = _ => Task.FromResult(Policy),
    };

    [Theory]
    [InlineData("sam")]
    [InlineData("cloudformation")]
    public void Each_authorizer_is_a_function_with_its_permission_and_its_URI_in_the_definition(string formatName)
    {
        var format = formatName == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var resources = StackTemplate.Create(Spec(), Policy, format)["Resources"]!;

        Assert.Equal("Tokens", resources["Tokens"]!["Properties"]!["Handler"]!.GetValue<string>());
        // The native bootstrap selects the function by its handler, the function's name.
        Assert.Equal("ByTenant", resources["ByTenant"]!["Properties"]!["Handler"]!.GetValue<string>());
        var permission = resources["TokensInvokePermission"]!["Properties"]!;
        Assert.Equal("""{"Fn::GetAtt":["Tokens","Arn"]}""", permission["FunctionName"]!.ToJsonString());
        Assert.Equal("apigateway.amazonaws.com", permission["Principal"]!.GetValue<string>());
        Assert.Equal("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPI}/authorizers/*",
            permission["SourceArn"]!["Fn::Sub"]!.GetValue<string>());
        Assert.NotNull(resources["ByTenantInvokePermission"]);

        var definition = resources["RestAPI"]!["Properties"]![format == TemplateFormat.Sam ? "DefinitionBody" : "Body"]!;
        var scheme = definition["components"]!["securitySchemes"]!["Tokens"]!["x-amazon-apigateway-authorizer"]!;
        Assert.Equal("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Tokens.Arn}/invocations",
            scheme["authorizerUri"]!["Fn::Sub"]!.GetValue<string>());
        Assert.Equal(300, scheme["authorizerResultTtlInSeconds"]!.GetValue<int>());
        Assert.Equal("""[{"api_key":[],"ByTenant":[]}]""", definition["paths"]!["/tenants"]!["get"]!["security"]!.ToJsonString());
    }

    [Theory]
    [InlineData("sam", """{"Ref":"RestAPI.Stage"}""")]
    [InlineData("cloudformation", """{"Ref":"RestAPIStage"}""")]
    public void The_keys_and_the_usage_plan_are_resources_and_a_keys_value_a_parameter_never_text(string formatName, string stage)
    {
        var format = formatName == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var template = StackTemplate.Create(Spec(), Policy, format);
        var resources = template["Resources"]!;

        var partner = resources["ApiKeyPartner"]!["Properties"]!;
        Assert.Equal(("AWS::ApiGateway::ApiKey", "shop-prod-partner", true),
            (resources["ApiKeyPartner"]!["Type"]!.GetValue<string>(), partner["Name"]!.GetValue<string>(), partner["Enabled"]!.GetValue<bool>()));
        Assert.Equal("""{"Ref":"ApiKeyPartnerValue"}""", partner["Value"]!.ToJsonString());
        Assert.True(template["Parameters"]!["ApiKeyPartnerValue"]!["NoEcho"]!.GetValue<bool>());
        Assert.Null(resources["ApiKeyInternal"]!["Properties"]!["Value"]);
        var plan = resources["UsagePlan"]!["Properties"]!;
        Assert.Equal($$"""[{"ApiId":{"Ref":"RestAPI"},"Stage":{{stage}}}]""", plan["ApiStages"]!.ToJsonString());
        Assert.Equal("""{"BurstLimit":20,"RateLimit":12.5}""", plan["Throttle"]!.ToJsonString());
        Assert.Equal("""{"Limit":1000,"Period":"DAY"}""", plan["Quota"]!.ToJsonString());
        Assert.Equal("""{"KeyId":{"Ref":"ApiKeyPartner"},"KeyType":"API_KEY","UsagePlanId":{"Ref":"UsagePlan"}}""",
            resources["ApiKeyPartnerUsagePlanKey"]!["Properties"]!.ToJsonString());
        Assert.NotNull(resources["ApiKeyInternalUsagePlanKey"]);
        Assert.Equal("""{"Ref":"ApiKeyPartner"}""", template["Outputs"]!["ApiKeyPartnerId"]!["Value"]!.ToJsonString());
    }

    [Fact]
    public void Keys_on_a_stage_serving_an_HTTP_API_are_refused_in_one_line()
    {
        var error = Assert.Throws<ChaliceConfigException>(() => StackTemplate.Create(
            Spec("""{ "api_gateway_type": "http", "api_keys": [{ "name": "partner" }] }""") with
            {
                Manifest = new AppManifest("shop", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)],
                    [new RouteManifest("/orders", ["GET"], "Orders", "orders", [], null, false, null)]),
            }, Policy, TemplateFormat.Sam));

        Assert.Equal("prod: api_keys and usage_plan apply to a REST API, and this stage deploys an HTTP API, which has no API keys.", error.Message);
    }

    [Theory]
    [InlineData("sam")]
    [InlineData("cloudformation")]
    public async Task Both_templates_are_cfn_lint_clean(string formatName) =>
        await CfnLint.AssertCleanAsync(StackTemplate.Create(Spec(), Policy, formatName == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation));
}
