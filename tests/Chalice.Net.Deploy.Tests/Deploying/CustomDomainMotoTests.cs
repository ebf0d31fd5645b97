using System.Text.Json;
using Chalice.Configuration;
using Chalice.Deploy.State;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>api_gateway_custom_domain</c> deployed to moto and read back with the AWS CLI (get-domain-names,
/// get-base-path-mappings, apigatewayv2 get-api-mappings); every request is checked against the botocore model.
/// Chalice's fields: https://aws.github.io/chalice/topics/domainname.html; a regional domain takes
/// regionalCertificateArn and an edge one certificateArn, as chalice/awsclient.py's create_domain_name sends them.
/// </summary>
public sealed class CustomDomainMotoTests(MotoServer moto, PackagedApps apps) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab";

    private DeployHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await DeployHarness.OnFreshMotoAsync(moto);

    public ValueTask DisposeAsync() => _harness.CheckRequestsAndDisposeAsync();

    private static string Config(string stageSettings) => $$"""
        { "app_name": "s3test", "stages": { "dev": { {{stageSettings}} } } }
        """;

    [Fact]
    public async Task A_regional_REST_API_gets_its_domain_and_base_path_and_a_redeploy_changes_nothing()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = Config($$"""
            "api_gateway_endpoint_type": "REGIONAL",
            "api_gateway_custom_domain": { "domain_name": "api.example.com", "certificate_arn": "{{Certificate}}", "tls_version": "TLS_1_2",
                                           "url_prefix": "v1", "tags": { "team": "core" } }
            """);

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var domain = Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-domain-names")).GetProperty("items").EnumerateArray());
        Assert.Equal("api.example.com", domain.GetProperty("domainName").GetString());
        Assert.Equal(Certificate, domain.GetProperty("regionalCertificateArn").GetString());
        Assert.Equal("REGIONAL", domain.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString());
        Assert.Equal("TLS_1_2", domain.GetProperty("securityPolicy").GetString());
        var mapping = Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-base-path-mappings", "--domain-name", "api.example.com"))
            .GetProperty("items").EnumerateArray());
        var apiId = result.State.Find<DeployedRestApi>()!.RestApiId;
        Assert.Equal(("v1", apiId, "api"), (mapping.GetProperty("basePath").GetString(), mapping.GetProperty("restApiId").GetString(),
            mapping.GetProperty("stage").GetString()));
        var recorded = result.State.Find<DeployedDomainName>()!;
        Assert.Equal("https://api.example.com/v1/", result.State.Url);
        Assert.Equal(domain.GetProperty("regionalDomainName").GetString(), recorded.AliasDomainName);
        Assert.Equal(domain.GetProperty("regionalHostedZoneId").GetString(), recorded.HostedZoneId);

        var (again, calls) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Empty(again.Changes);
        Assert.Equal(0, calls.MutatingCalls);
    }

    [Fact]
    public async Task An_edge_REST_API_s_domain_takes_the_certificate_as_certificateArn_and_maps_the_root()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = Config($$"""
            "api_gateway_custom_domain": { "domain_name": "edge.example.com", "certificate_arn": "{{Certificate}}" }
            """);

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var domain = await AwsCli.RunAsync(moto, "apigateway", "get-domain-name", "--domain-name", "edge.example.com");
        Assert.Equal(Certificate, domain.GetProperty("certificateArn").GetString());
        Assert.False(domain.TryGetProperty("regionalCertificateArn", out _));
        var mapping = Assert.Single((await AwsCli.RunAsync(moto, "apigateway", "get-base-path-mappings", "--domain-name", "edge.example.com"))
            .GetProperty("items").EnumerateArray());
        Assert.Equal("(none)", mapping.GetProperty("basePath").GetString());
        Assert.Equal("https://edge.example.com/", result.State.Url);
    }

    [Fact]
    public async Task Delete_removes_the_mapping_and_the_domain_the_deploy_made()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = Config($$"""
            "api_gateway_endpoint_type": "REGIONAL", "api_gateway_custom_domain": { "domain_name": "api.example.com", "certificate_arn": "{{Certificate}}" }
            """);
        await _harness.DeployAsync(_harness.Spec(app));

        await _harness.DeleteAsync();

        Assert.Empty((await AwsCli.RunAsync(moto, "apigateway", "get-domain-names")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_domain_that_existed_is_mapped_but_never_deleted()
    {
        var app = (await apps.S3Test).WithoutCors();
        // Someone else's domain, serving another API under /other. (It has a mapping because moto 5.2.1 answers 500 to
        // GetBasePathMappings of a domain that never had one, where AWS answers an empty list.)
        await AwsCli.RunAsync(moto, "apigateway", "create-domain-name", "--domain-name", "shared.example.com",
            "--regional-certificate-arn", Certificate, "--endpoint-configuration", "types=REGIONAL");
        var other = (await AwsCli.RunAsync(moto, "apigateway", "create-rest-api", "--name", "other")).GetProperty("id").GetString()!;
        await AwsCli.RunAsync(moto, "apigateway", "create-base-path-mapping", "--domain-name", "shared.example.com", "--base-path", "other",
            "--rest-api-id", other);
        _harness.ConfigJson = Config($$"""
            "api_gateway_endpoint_type": "REGIONAL",
            "api_gateway_custom_domain": { "domain_name": "shared.example.com", "certificate_arn": "{{Certificate}}", "url_prefix": "shop" }
            """);

        var (_, calls) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.DoesNotContain("API Gateway CreateDomainName", calls.MutatingOperations);
        await _harness.DeleteAsync();

        await AwsCli.RunAsync(moto, "apigateway", "get-domain-name", "--domain-name", "shared.example.com");
        var remaining = (await AwsCli.RunAsync(moto, "apigateway", "get-base-path-mappings", "--domain-name", "shared.example.com"))
            .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("basePath").GetString());
        Assert.Equal(["other"], remaining);
    }

    [Fact]
    public async Task A_domain_with_another_certificate_is_one_error_and_nothing_changes()
    {
        var app = (await apps.S3Test).WithoutCors();
        await AwsCli.RunAsync(moto, "apigateway", "create-domain-name", "--domain-name", "shared.example.com",
            "--regional-certificate-arn", Certificate + "-other", "--endpoint-configuration", "types=REGIONAL");
        _harness.ConfigJson = Config($$"""
            "api_gateway_endpoint_type": "REGIONAL", "api_gateway_custom_domain": { "domain_name": "shared.example.com", "certificate_arn": "{{Certificate}}" }
            """);

        var error = await Assert.ThrowsAsync<ChaliceConfigException>(() => _harness.DeployAsync(_harness.Spec(app)));

        Assert.Contains("shared.example.com exists with certificate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Capture.Requests, r => r.Operation?.Mutates == true);
    }

    [Fact]
    public async Task An_HTTP_API_gets_a_regional_v2_domain_and_an_API_mapping_of_its_default_stage()
    {
        var app = (await apps.S3Test).WithoutCors();
        _harness.ConfigJson = Config($$"""
            "api_gateway_type": "http",
            "api_gateway_custom_domain": { "domain_name": "http.example.com", "certificate_arn": "{{Certificate}}", "url_prefix": "v2" }
            """);

        var (result, _) = await _harness.DeployAsync(_harness.Spec(app));

        var domain = await AwsCli.RunAsync(moto, "apigatewayv2", "get-domain-name", "--domain-name", "http.example.com");
        var configuration = domain.GetProperty("DomainNameConfigurations")[0];
        Assert.Equal((Certificate, "REGIONAL"), (configuration.GetProperty("CertificateArn").GetString(), configuration.GetProperty("EndpointType").GetString()));
        var mapping = Assert.Single((await AwsCli.RunAsync(moto, "apigatewayv2", "get-api-mappings", "--domain-name", "http.example.com"))
            .GetProperty("Items").EnumerateArray());
        Assert.Equal(("v2", result.State.Find<DeployedHttpApi>()!.HttpApiId, "$default"),
            (mapping.GetProperty("ApiMappingKey").GetString(), mapping.GetProperty("ApiId").GetString(), mapping.GetProperty("Stage").GetString()));
        Assert.Equal("https://http.example.com/v2/", result.State.Url);

        var (_, calls) = await _harness.DeployAsync(_harness.Spec(app));
        Assert.Equal(0, calls.MutatingCalls);
        await _harness.DeleteAsync();
        var remaining = await AwsCli.RunAsync(moto, "apigatewayv2", "get-domain-names");
        Assert.Empty(remaining.TryGetProperty("Items", out var items) ? items.EnumerateArray() : default(JsonElement.ArrayEnumerator));
    }
}
