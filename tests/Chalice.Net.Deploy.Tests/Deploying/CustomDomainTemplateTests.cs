using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>api_gateway_custom_domain</c> in the templates, as Chalice's package.py writes it (_add_domain_name,
/// _add_websocket_domain_name), each format passing cfn-lint.
/// </summary>
public sealed class CustomDomainTemplateTests
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab";

    private static JsonObject Template(string stageSettings, bool sam)
    {
        var config = $$"""{ "stages": { "prod": { {{stageSettings}} } } }""";
        var spec = new DeploymentSpec
        {
            AppName = "shop",
            Config = ChaliceConfig.Parse(config).ForStage("prod"),
            FunctionConfig = function => ChaliceConfig.Parse(config).ForStage("prod", function),
            Package = new LambdaPackage("deployment.zip", "sha=", 1, "dotnet10", "Shop", "x86_64", [], ""),
            Manifest = new AppManifest("shop", [], [new RouteManifest("/items", ["GET"], "Items", "items", [], null, false, null)]),
            Policy = _ => Task.FromResult(FunctionPolicies.Same("")),
        };
        return StackTemplate.Create(spec, FunctionPolicies.Same("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""),
            sam ? TemplateFormat.Sam : TemplateFormat.CloudFormation);
    }

    private static string Domain(string extra = "") =>
        $$"""
        "api_gateway_custom_domain": { "domain_name": "api.example.com", "certificate_arn": "{{Certificate}}", "tls_version": "TLS_1_2",
                                       "url_prefix": "v1", "tags": { "team": "core" }{{extra}} }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_regional_REST_API_gets_a_domain_with_its_regional_certificate_and_a_base_path_mapping(bool sam)
    {
        var template = Template($$"""
            "api_gateway_endpoint_type": "REGIONAL", {{Domain()}}
            """, sam);

        var domain = template["Resources"]!["ApiGatewayCustomDomain"]!;
        Assert.Equal("AWS::ApiGateway::DomainName", domain["Type"]!.GetValue<string>());
        Assert.Equal(
            $$"""{"DomainName":"api.example.com","EndpointConfiguration":{"Types":["REGIONAL"]},"RegionalCertificateArn":"{{Certificate}}","SecurityPolicy":"TLS_1_2","Tags":[{"Key":"team","Value":"core"}]}""",
            domain["Properties"]!.ToJsonString());
        var mapping = template["Resources"]!["ApiGatewayCustomDomainMapping"]!["Properties"]!;
        Assert.Equal("v1", mapping["BasePath"]!.GetValue<string>());
        Assert.Equal(sam ? "RestAPI.Stage" : "RestAPIStage", mapping["Stage"]!["Ref"]!.GetValue<string>());
        Assert.Equal("RegionalDomainName", template["Outputs"]!["AliasDomainName"]!["Value"]!["Fn::GetAtt"]![1]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_edge_REST_API_s_domain_takes_certificateArn_and_outputs_its_distribution(bool sam)
    {
        var template = Template(Domain(), sam);

        var properties = template["Resources"]!["ApiGatewayCustomDomain"]!["Properties"]!;
        Assert.Equal(Certificate, properties["CertificateArn"]!.GetValue<string>());
        Assert.Null(properties["RegionalCertificateArn"]);
        Assert.Equal("DistributionDomainName", template["Outputs"]!["AliasDomainName"]!["Value"]!["Fn::GetAtt"]![1]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_HTTP_API_gets_a_v2_domain_and_an_API_mapping(bool sam)
    {
        var template = Template($$"""
            "api_gateway_type": "http", {{Domain()}}
            """, sam);

        var domain = template["Resources"]!["ApiGatewayCustomDomain"]!;
        Assert.Equal("AWS::ApiGatewayV2::DomainName", domain["Type"]!.GetValue<string>());
        Assert.Equal($$"""[{"CertificateArn":"{{Certificate}}","EndpointType":"REGIONAL","SecurityPolicy":"TLS_1_2"}]""",
            domain["Properties"]!["DomainNameConfigurations"]!.ToJsonString());
        var mapping = template["Resources"]!["ApiGatewayCustomDomainMapping"]!;
        Assert.Equal("AWS::ApiGatewayV2::ApiMapping", mapping["Type"]!.GetValue<string>());
        Assert.Equal("v1", mapping["Properties"]!["ApiMappingKey"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public void A_private_API_s_custom_domain_is_refused_in_one_line()
    {
        var error = Assert.Throws<ChaliceConfigException>(() => Template($$"""
            "api_gateway_endpoint_type": "PRIVATE", "api_gateway_endpoint_vpce": ["vpce-1"], {{Domain()}}
            """, sam: true));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("PRIVATE", error.Message, StringComparison.Ordinal);
    }
}
