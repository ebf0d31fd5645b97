using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package</c>'s templates of an app with built-in authorizers: each authorizer's function, the permission that lets
/// the API's authorizers invoke it, and its URI in the definition's security scheme as an <c>Fn::Sub</c> of the
/// function's ARN (as Chalice's package.py writes them); both formats cfn-lint clean.
/// </summary>
public sealed class AuthorizerTemplateTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static readonly FunctionManifest[] s_functions =
    [
        new ApiFunctionManifest(ApiFunctionManifest.DefaultName),
        new AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300),
        new AuthorizerFunctionManifest("ByTenant", "Tenants", "REQUEST", ["method.request.header.X-Key", "method.request.querystring.tenant"], 0),
    ];

    private static DeploymentSpec Spec(string config = "{}") => new()
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
    [InlineData("sam")]
    [InlineData("cloudformation")]
    public async Task Both_templates_are_cfn_lint_clean(string formatName) =>
        await CfnLint.AssertCleanAsync(StackTemplate.Create(Spec(), Policy, formatName == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation));
}
