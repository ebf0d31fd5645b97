using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package</c> of an HTTP API stage: SAM's <c>AWS::Serverless::HttpApi</c> with <c>HttpApi</c> events, and plain
/// CloudFormation's <c>AWS::ApiGatewayV2</c> resources, each with the routes, payload format and CORS a direct deploy
/// makes, and cfn-lint clean.
/// </summary>
public sealed class HttpApiTemplateTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static readonly CorsManifest s_cors = new("https://example.com", ["X-Trace"], ["X-Id"], 300, AllowCredentials: true);

    private static DeploymentSpec Spec(string type)
    {
        var config = ChaliceConfig.Parse($$"""{ "stages": { "prod": { "api_gateway_type": "{{type}}" } } }""");
        return new()
        {
            AppName = "shop",
            Config = config.ForStage("prod"),
            FunctionConfig = function => config.ForStage("prod", function),
            Package = new LambdaPackage("deployment.zip", "sha=", 1, "provided.al2023", "bootstrap", "x86_64", [], ""),
            Manifest = new AppManifest("shop", [], [
            new RouteManifest("/items/{id}", ["GET", "PUT"], "Items", "items", [], s_cors, false, null),
            new RouteManifest("/files/{proxy+}", ["GET"], "Files", "files", [], s_cors, false, null),
            ]),
            Policy = _ => Task.FromResult(FunctionPolicies.Same(Policy)),
        };
    }

    [Fact]
    public async Task A_sam_template_has_an_HttpApi_with_its_CORS_and_one_event_per_route_and_is_lint_clean()
    {
        var template = StackTemplate.Create(Spec("http"), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var api = template["Resources"]!["HttpApi"]!;
        Assert.Equal("AWS::Serverless::HttpApi", api["Type"]!.GetValue<string>());
        var cors = api["Properties"]!["CorsConfiguration"]!;
        Assert.Equal(["https://example.com"], cors["AllowOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["GET", "PUT", "OPTIONS"], cors["AllowMethods"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(cors["AllowCredentials"]!.GetValue<bool>());
        var events = template["Resources"]!["APIHandler"]!["Properties"]!["Events"]!.AsObject().Select(e => e.Value!["Properties"]!).ToList();
        Assert.Equal(["GET /files/{proxy+}", "GET /items/{id}", "PUT /items/{id}"],
            events.Select(e => $"{e["Method"]!.GetValue<string>()} {e["Path"]!.GetValue<string>()}").Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal(("HttpApi", "2.0"), (e["ApiId"]!["Ref"]!.GetValue<string>(), e["PayloadFormatVersion"]!.GetValue<string>())));
        Assert.Null(template["Resources"]!["RestAPI"]);
        Assert.Equal("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/", template["Outputs"]!["EndpointURL"]!["Value"]!["Fn::Sub"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public async Task A_cloudformation_template_has_the_ApiGatewayV2_API_integration_routes_stage_and_permission_and_is_lint_clean()
    {
        var template = StackTemplate.Create(Spec("http-v1"), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var resources = template["Resources"]!.AsObject();
        Assert.Equal("HTTP", resources["HttpApi"]!["Properties"]!["ProtocolType"]!.GetValue<string>());
        Assert.Equal(300, resources["HttpApi"]!["Properties"]!["CorsConfiguration"]!["MaxAge"]!.GetValue<int>());
        var integration = resources["HttpApiIntegration"]!["Properties"]!;
        Assert.Equal(("AWS_PROXY", "1.0"), (integration["IntegrationType"]!.GetValue<string>(), integration["PayloadFormatVersion"]!.GetValue<string>()));
        Assert.Equal(["APIHandler", "Arn"], integration["IntegrationUri"]!["Fn::GetAtt"]!.AsArray().Select(p => p!.GetValue<string>()));
        var routes = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route").Select(r => r.Value!["Properties"]!).ToList();
        Assert.Equal(["GET /files/{proxy+}", "GET /items/{id}", "PUT /items/{id}"], routes.Select(r => r["RouteKey"]!.GetValue<string>()));
        Assert.All(routes, r => Assert.Equal("integrations/${HttpApiIntegration}", r["Target"]!["Fn::Sub"]!.GetValue<string>()));
        var stage = resources["HttpApiDefaultStage"]!["Properties"]!;
        Assert.Equal(("$default", true), (stage["StageName"]!.GetValue<string>(), stage["AutoDeploy"]!.GetValue<bool>()));
        Assert.Equal("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*",
            resources["APIHandlerInvokePermission"]!["Properties"]!["SourceArn"]!["Fn::Sub"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public void A_REST_stage_keeps_its_REST_API()
    {
        var template = StackTemplate.Create(Spec("rest") with { Manifest = new AppManifest("shop", [], [new RouteManifest("/items", ["GET"], "Items", "items", [], null, false, null)]) },
            FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        Assert.NotNull(template["Resources"]!["RestAPI"]);
        Assert.Null(template["Resources"]!["HttpApi"]);
    }
}
