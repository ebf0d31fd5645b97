using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>What the templates carry over from the stage's settings (cfn-lint validity is checked in the CLI tests).</summary>
public sealed class StackTemplateTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static DeploymentSpec Spec(string config) => new()
    {
        AppName = "shop",
        Config = ChaliceConfig.Parse(config).ForStage("prod"),
        FunctionConfig = function => ChaliceConfig.Parse(config).ForStage("prod", function),
        Package = new LambdaPackage("deployment.zip", "sha=", 1, "dotnet10", "Shop", "arm64", [], ""),
        Manifest = new AppManifest("shop", [], [new RouteManifest("/items", ["GET"], "Items", "items", [], null, false, null)]),
        Policy = _ => Task.FromResult(Policy),
    };

    [Fact]
    public void A_sam_template_carries_the_stage_settings()
    {
        var template = StackTemplate.Create(Spec("""
            { "stages": { "prod": { "lambda_memory_size": 512, "lambda_timeout": 10, "reserved_concurrency": 4, "api_gateway_stage": "v1",
              "environment_variables": { "MODE": "prod" }, "tags": { "team": "core" } } } }
            """), Policy, TemplateFormat.Sam);

        var function = template["Resources"]!["APIHandler"]!["Properties"]!;
        Assert.Equal(("dotnet10", "Shop", 512, 10, 4), (function["Runtime"]!.GetValue<string>(), function["Handler"]!.GetValue<string>(),
            function["MemorySize"]!.GetValue<int>(), function["Timeout"]!.GetValue<int>(), function["ReservedConcurrentExecutions"]!.GetValue<int>()));
        Assert.Equal("arm64", function["Architectures"]![0]!.GetValue<string>());
        Assert.Equal("prod", function["Environment"]!["Variables"]!["MODE"]!.GetValue<string>());
        Assert.Equal("core", function["Tags"]!["team"]!.GetValue<string>());
        Assert.Equal("app=shop:stage=prod", function["Tags"]!["chalice-net"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Policy), template["Resources"]!["DefaultRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]));
        Assert.Equal("v1", template["Resources"]!["RestAPI"]!["Properties"]!["StageName"]!.GetValue<string>());
        Assert.Equal("https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1/",
            template["Outputs"]!["EndpointURL"]!["Value"]!["Fn::Sub"]!.GetValue<string>());
        var uri = template["Resources"]!["RestAPI"]!["Properties"]!["DefinitionBody"]!["paths"]!["/items"]!["get"]!["x-amazon-apigateway-integration"]!["uri"]!;
        Assert.Contains("${APIHandler.Arn}", uri["Fn::Sub"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Statement":[{"Action":"s3:GetObject","Resource":"*"}]}""", "Statement[0]: \"Effect\" must be \"Allow\" or \"Deny\".")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""",
        "Statement[0] must have exactly one of \"Resource\" and \"NotResource\".")]
    public void A_policy_is_held_to_the_same_rules_as_a_users_policy_file(string policy, string fault)
    {
        // moto accepts malformed policy documents (shared/docs/AWS-OFFLINE.md), so nothing downstream would catch these:
        // the policy package's validator, the one for users' files, checks every policy Deploy writes too.
        var error = Assert.Throws<Chalice.Policy.Documents.InvalidPolicyException>(() => StackTemplate.Create(Spec("{}"), policy, TemplateFormat.Sam));

        Assert.Equal($"The IAM policy of shop-prod: {fault}", error.Message);
    }

    [Fact]
    public void A_stage_with_its_own_role_gets_no_role_resource()
    {
        var template = StackTemplate.Create(Spec("""{ "manage_iam_role": false, "iam_role_arn": "arn:aws:iam::1:role/mine" }"""), null,
            TemplateFormat.CloudFormation);

        Assert.Null(template["Resources"]!["DefaultRole"]);
        Assert.Equal("arn:aws:iam::1:role/mine", template["Resources"]!["APIHandler"]!["Properties"]!["Role"]!.GetValue<string>());
        Assert.Equal("CodeS3Bucket", template["Resources"]!["APIHandler"]!["Properties"]!["Code"]!["S3Bucket"]!["Ref"]!.GetValue<string>());
        Assert.NotNull(template["Parameters"]!["CodeS3Key"]);
        Assert.Null(template["Transform"]);
    }

    [Theory]
    [InlineData("my app", "dev")]
    [InlineData("app", "dev/1")]
    [InlineData("a-very-long-application-name-that-keeps-going-and-going", "production")]
    public void Names_IAM_or_Lambda_would_reject_are_config_errors(string app, string stage)
    {
        Assert.Throws<ChaliceConfigException>(() => ResourceNames.For(app, stage));
    }
}
