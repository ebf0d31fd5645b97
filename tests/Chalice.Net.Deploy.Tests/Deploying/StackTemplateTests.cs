using System.Diagnostics;
using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>What the templates carry over from the stage's settings, and that cfn-lint passes them with every setting set.</summary>
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
        Policy = _ => Task.FromResult(FunctionPolicies.Same(Policy)),
    };

    [Fact]
    public void A_sam_template_carries_the_stage_settings()
    {
        var template = StackTemplate.Create(Spec("""
            { "stages": { "prod": { "lambda_memory_size": 512, "lambda_timeout": 10, "reserved_concurrency": 4, "api_gateway_stage": "v1",
              "environment_variables": { "MODE": "prod" }, "tags": { "team": "core" } } } }
            """), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

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

    // Every function and REST API setting at once, as Chalice's package.py writes them (SAM: Tracing, VpcConfig,
    // Layers, the API's EndpointConfiguration and MinimumCompressionSize; the policy and VPC endpoints in the
    // definition, as swagger.py puts them), and their CloudFormation equivalents.
    private const string EverySetting = """
        { "stages": { "prod": {
            "subnet_ids": ["subnet-0a1b2c3d", "subnet-0e1f2a3b"], "security_group_ids": ["sg-0c1d2e3f"],
            "layers": ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"], "xray": true, "lambda_ephemeral_storage": 4096,
            "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": ["vpce-0a1b2c3d4e5f60718", "vpce-0b1b2c3d4e5f60718"], "minimum_compression_size": 2048,
            "log_retention_in_days": 30 } } }
        """;

    [Fact]
    public void A_sam_template_carries_every_function_and_API_setting()
    {
        var template = StackTemplate.Create(Spec(EverySetting), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var function = template["Resources"]!["APIHandler"]!["Properties"]!;
        Assert.Equal("""{"SecurityGroupIds":["sg-0c1d2e3f"],"SubnetIds":["subnet-0a1b2c3d","subnet-0e1f2a3b"]}""", function["VpcConfig"]!.ToJsonString());
        Assert.Equal("""["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"]""", function["Layers"]!.ToJsonString());
        Assert.Equal("Active", function["Tracing"]!.GetValue<string>());
        Assert.Equal(4096, function["EphemeralStorage"]!["Size"]!.GetValue<int>());
        // log_retention_in_days: the function's group, as Chalice's package writes it (chalice/package.py).
        Assert.Equal("""{"Type":"AWS::Logs::LogGroup","Properties":{"LogGroupName":{"Fn::Sub":"/aws/lambda/${APIHandler}"},"RetentionInDays":30}}""",
            template["Resources"]!["APIHandlerLogGroup"]!.ToJsonString());
        var api = template["Resources"]!["RestAPI"]!["Properties"]!;
        Assert.Equal("""{"Type":"PRIVATE","VPCEndpointIds":["vpce-0a1b2c3d4e5f60718","vpce-0b1b2c3d4e5f60718"]}""", api["EndpointConfiguration"]!.ToJsonString());
        Assert.Equal(2048, api["MinimumCompressionSize"]!.GetValue<int>());
        Assert.True(api["TracingEnabled"]!.GetValue<bool>());
        var definition = api["DefinitionBody"]!;
        Assert.Equal("""["vpce-0a1b2c3d4e5f60718","vpce-0b1b2c3d4e5f60718"]""",
            definition["x-amazon-apigateway-policy"]!["Statement"]![0]!["Condition"]!["StringEquals"]!["aws:SourceVpce"]!.ToJsonString());
        Assert.Equal("""{"vpcEndpointIds":["vpce-0a1b2c3d4e5f60718","vpce-0b1b2c3d4e5f60718"]}""", definition["x-amazon-apigateway-endpoint-configuration"]!.ToJsonString());
    }

    [Fact]
    public void A_cloudformation_template_carries_every_function_and_API_setting()
    {
        var template = StackTemplate.Create(Spec(EverySetting), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var function = template["Resources"]!["APIHandler"]!["Properties"]!;
        Assert.Equal("Active", function["TracingConfig"]!["Mode"]!.GetValue<string>());
        Assert.Equal("""{"SecurityGroupIds":["sg-0c1d2e3f"],"SubnetIds":["subnet-0a1b2c3d","subnet-0e1f2a3b"]}""", function["VpcConfig"]!.ToJsonString());
        var api = template["Resources"]!["RestAPI"]!["Properties"]!;
        Assert.Equal("""{"Types":["PRIVATE"],"VpcEndpointIds":["vpce-0a1b2c3d4e5f60718","vpce-0b1b2c3d4e5f60718"]}""", api["EndpointConfiguration"]!.ToJsonString());
        Assert.Equal("execute-api:Invoke", api["Policy"]!["Statement"]![0]!["Action"]!.GetValue<string>());
        Assert.Equal(2048, api["MinimumCompressionSize"]!.GetValue<int>());
        Assert.True(template["Resources"]!["RestAPIStage"]!["Properties"]!["TracingEnabled"]!.GetValue<bool>());
    }

    // Chalice writes app.api.binary_types into the definition's x-amazon-apigateway-binary-media-types (swagger.py),
    // which both SAM's DefinitionBody and CloudFormation's Body carry.
    [Theory]
    [InlineData(true, "DefinitionBody")]
    [InlineData(false, "Body")]
    public void The_app_s_binary_media_types_are_in_the_definition(bool sam, string bodyProperty)
    {
        var format = sam ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var spec = Spec("{}");
        spec = spec with { Manifest = spec.Manifest with { BinaryMediaTypes = ["application/pdf"] } };

        var template = StackTemplate.Create(spec, FunctionPolicies.Same(Policy), format);

        var types = template["Resources"]!["RestAPI"]!["Properties"]![bodyProperty]!["x-amazon-apigateway-binary-media-types"]!.AsArray();
        Assert.Equal([.. BinaryMediaTypes.Default, "application/pdf"], types.Select(t => t!.GetValue<string>()));
    }

    // The preflights' MOCK integrations ride in the definition both formats carry; cfn-lint checks the templates around
    // them (CorsPreflightMotoTests checks the preflights against the API Gateway model).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_template_of_an_app_with_CORS_routes_passes_cfn_lint(bool sam)
    {
        var spec = Spec("{}");
        var cors = new CorsManifest("https://example.com", ["X-Custom"], ["X-Out"], 600, AllowCredentials: true);
        spec = spec with { Manifest = spec.Manifest with { Routes = [new RouteManifest("/items/{id}", ["GET", "PUT"], "Items", "items", [], cors, false, null)] } };

        var template = StackTemplate.Create(spec, FunctionPolicies.Same(Policy), sam ? TemplateFormat.Sam : TemplateFormat.CloudFormation);

        var preflight = template["Resources"]!["RestAPI"]!["Properties"]![sam ? "DefinitionBody" : "Body"]!["paths"]!["/items/{id}"]!["options"]!;
        Assert.Equal("mock", preflight["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    // A merge file as a user writes one, in YAML with short forms: a table, the function's access to it, an output.
    private const string MergeYaml = """
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
          APIHandler:
            Properties:
              Environment:
                Variables:
                  TABLE: !Ref Orders
                  TABLE_ARN: !GetAtt Orders.Arn
        Outputs:
          OrdersTable:
            Value: !Sub "${Orders}"
        """;

    [Theory]
    [InlineData("sam", "json", false)]
    [InlineData("cloudformation", "json", false)]
    [InlineData("sam", "yaml", true)]
    [InlineData("cloudformation", "yaml", true)]
    public async Task Templates_with_every_setting_pass_cfn_lint(string formatName, string syntaxName, bool merged)
    {
        var format = formatName == "sam" ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var syntax = syntaxName == "yaml" ? TemplateSyntax.Yaml : TemplateSyntax.Json;
        var file = Path.Combine(Directory.CreateTempSubdirectory("chalice-template-").FullName, StackTemplate.FileName(format, syntax));
        var template = StackTemplate.Create(Spec(EverySetting), FunctionPolicies.Same(Policy), format);
        if (merged)
            template = TemplateMerge.Merge(CloudFormationYaml.Read(MergeYaml, "merge.yaml"), template);
        Assert.Equal(merged ? "Orders" : null, template["Resources"]!["APIHandler"]!["Properties"]!["Environment"]?["Variables"]?["TABLE"]?["Ref"]?.GetValue<string>());
        await File.WriteAllTextAsync(file, syntax == TemplateSyntax.Yaml ? CloudFormationYaml.Write(template) : template.ToJsonString(),
            TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await RunCfnLintAsync(file);

            Assert.True(exitCode == 0, $"cfn-lint {file} exited {exitCode}:\n{output}");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"Statement":[{"Action":"s3:GetObject","Resource":"*"}]}""", "Statement[0]: \"Effect\" must be \"Allow\" or \"Deny\".")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""",
        "Statement[0] must have exactly one of \"Resource\" and \"NotResource\".")]
    public void A_policy_is_held_to_the_same_rules_as_a_users_policy_file(string policy, string fault)
    {
        // moto accepts malformed policy documents (shared/docs/AWS-OFFLINE.md), so nothing downstream would catch these:
        // the policy package's validator, the one for users' files, checks every policy Deploy writes too.
        var error = Assert.Throws<Chalice.Policy.Documents.InvalidPolicyException>(() => StackTemplate.Create(Spec("{}"), FunctionPolicies.Same(policy), TemplateFormat.Sam));

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

    private static async Task<(int ExitCode, string Output)> RunCfnLintAsync(string template)
    {
        var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(template);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Chalice.Tests.SharedFixtures.Unavailable($"cfn-lint is not installed ({e.Message}); install it with: pip install cfn-lint");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output + await error);
        }
    }
}
