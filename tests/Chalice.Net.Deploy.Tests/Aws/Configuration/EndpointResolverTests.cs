using System.Text.Json;
using System.Text.RegularExpressions;
using Chalice.Deploy.Aws;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Configuration;

/// <summary>Endpoint resolution: overrides in AWS's documented order, and public endpoints per botocore's endpoints.json.</summary>
public sealed class EndpointResolverTests
{
    private static readonly AwsService[] s_services = [AwsService.Iam, AwsService.Sts, AwsService.Lambda, AwsService.ApiGateway];

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Explicit_endpoint_beats_service_variable_beats_global_variable_beats_region()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_LAMBDA", "http://lambda.local:1"), ("AWS_ENDPOINT_URL", "http://all.local:2"));

        var explicitUrl = new AwsEndpointResolver("eu-west-1", new Uri("http://127.0.0.1:5000"), environment);
        var fromEnvironment = new AwsEndpointResolver("eu-west-1", null, environment);
        var fromRegion = new AwsEndpointResolver("eu-west-1", null, Environment());

        Assert.Equal("http://127.0.0.1:5000/", explicitUrl.Resolve(AwsService.Lambda).Url.ToString());
        Assert.Equal("http://lambda.local:1/", fromEnvironment.Resolve(AwsService.Lambda).Url.ToString());
        Assert.Equal("http://all.local:2/", fromEnvironment.Resolve(AwsService.ApiGateway).Url.ToString());
        Assert.Equal("https://lambda.eu-west-1.amazonaws.com/", fromRegion.Resolve(AwsService.Lambda).Url.ToString());
        Assert.Equal(new AwsEndpoint(new Uri("http://127.0.0.1:5000"), "eu-west-1", "iam"), explicitUrl.Resolve(AwsService.Iam));
    }

    [Fact]
    public void Service_variables_are_named_after_the_service_id()
    {
        Assert.Equal(["AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL_API_GATEWAY"],
            s_services.Select(s => s.EndpointUrlVariable));
        var resolver = new AwsEndpointResolver("us-east-1", null, Environment(("AWS_ENDPOINT_URL_API_GATEWAY", "http://apigw.local")));
        Assert.Equal("apigw.local", resolver.Resolve(AwsService.ApiGateway).Url.Host);
        Assert.Equal("lambda.us-east-1.amazonaws.com", resolver.Resolve(AwsService.Lambda).Url.Host);
    }

    [Fact]
    public void Configured_endpoint_variables_can_be_ignored()
    {
        var resolver = new AwsEndpointResolver("us-east-1", null,
            Environment(("AWS_ENDPOINT_URL", "http://all.local"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")));

        Assert.Equal("sts.us-east-1.amazonaws.com", resolver.Resolve(AwsService.Sts).Url.Host);
    }

    [Fact]
    public void A_malformed_endpoint_variable_is_a_clear_configuration_error()
    {
        var resolver = new AwsEndpointResolver("us-east-1", null, Environment(("AWS_ENDPOINT_URL", "localhost:4566")));

        var error = Assert.Throws<AwsConfigurationException>(() => resolver.Resolve(AwsService.Lambda));

        Assert.Equal("AWS_ENDPOINT_URL must be an absolute http(s) URL, but is 'localhost:4566'.", error.Message);
    }

    [Fact]
    public void Iam_is_global_and_signed_for_its_partitions_home_region()
    {
        Assert.Equal(new AwsEndpoint(new Uri("https://iam.amazonaws.com"), "us-east-1", "iam"),
            new AwsEndpointResolver("eu-central-1", null, Environment()).Resolve(AwsService.Iam));
        Assert.Equal(new AwsEndpoint(new Uri("https://iam.cn-north-1.amazonaws.com.cn"), "cn-north-1", "iam"),
            new AwsEndpointResolver("cn-northwest-1", null, Environment()).Resolve(AwsService.Iam));
    }

    [Fact]
    public void Public_endpoints_match_botocores_endpoints_json_for_every_region()
    {
        using var endpoints = JsonDocument.Parse(File.ReadAllBytes(SharedFixtures.Path("aws-models/endpoints.json")));
        var checkedRegions = 0;
        foreach (var partition in endpoints.RootElement.GetProperty("partitions").EnumerateArray())
        {
            var dnsSuffix = partition.GetProperty("dnsSuffix").GetString()!;
            foreach (var region in partition.GetProperty("regions").EnumerateObject().Select(r => r.Name))
            {
                var resolver = new AwsEndpointResolver(region, null, Environment());
                foreach (var service in s_services)
                {
                    var (host, signingRegion) = Expected(partition, service, region, dnsSuffix);
                    var actual = resolver.Resolve(service);
                    Assert.Equal($"{service} {region} {host} {signingRegion}", $"{service} {region} {actual.Url.Host} {actual.SigningRegion}");
                }
                checkedRegions++;
            }
        }
        Assert.True(checkedRegions > 30, $"only {checkedRegions} regions checked");
    }

    [Fact]
    public void Partitions_match_botocores_partitions_json()
    {
        using var partitions = JsonDocument.Parse(File.ReadAllBytes(SharedFixtures.Path("aws-models/partitions.json")));
        foreach (var expected in partitions.RootElement.GetProperty("partitions").EnumerateArray())
        {
            var id = expected.GetProperty("id").GetString()!;
            var ours = Assert.Single(AwsPartition.All, p => p.Id == id);
            Assert.Equal(expected.GetProperty("outputs").GetProperty("dnsSuffix").GetString(), ours.DnsSuffix);
            Assert.Equal(expected.GetProperty("regionRegex").GetString(), ours.RegionPattern.ToString());
            foreach (var region in expected.GetProperty("regions").EnumerateObject().Select(r => r.Name).Where(r => !r.EndsWith("-global", StringComparison.Ordinal)))
                Assert.Equal(id, AwsPartition.ForRegion(region).Id);
        }
        Assert.Equal("aws", AwsPartition.ForRegion("moon-base-1").Id);
    }

    /// <summary>botocore's rule: a region's own hostname, else the partition endpoint of a non-regionalised service, else the template.</summary>
    private static (string Host, string SigningRegion) Expected(JsonElement partition, AwsService service, string region, string dnsSuffix)
    {
        var template = partition.GetProperty("defaults").GetProperty("hostname").GetString()!;
        string Expand(string hostname) => hostname.Replace("{service}", service.EndpointPrefix, StringComparison.Ordinal)
            .Replace("{region}", region, StringComparison.Ordinal).Replace("{dnsSuffix}", dnsSuffix, StringComparison.Ordinal);

        if (partition.GetProperty("services").TryGetProperty(service.EndpointPrefix, out var definition))
        {
            var endpoints = definition.GetProperty("endpoints");
            if (definition.TryGetProperty("isRegionalized", out var regionalized) && !regionalized.GetBoolean())
            {
                var global = endpoints.GetProperty(definition.GetProperty("partitionEndpoint").GetString()!);
                return (global.GetProperty("hostname").GetString()!, global.GetProperty("credentialScope").GetProperty("region").GetString()!);
            }
            if (endpoints.TryGetProperty(region, out var own) && own.TryGetProperty("hostname", out var hostname))
                return (Expand(hostname.GetString()!), region);
        }
        return (Expand(template), region);
    }
}
