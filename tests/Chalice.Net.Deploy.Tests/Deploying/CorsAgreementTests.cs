using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Testing;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// One app, two readers of its CORS settings: the gateway simulation (through the generated route table) and the
/// deployer's API definition (through the generated manifest). Both ask <see cref="CorsConfig"/>, and this proves
/// they end up answering the same preflight.
/// </summary>
public sealed class CorsAgreementTests
{
    [Fact]
    public async Task The_simulated_preflight_and_the_deployed_mock_send_the_same_headers_for_every_path()
    {
        var manifest = AppManifest.Read(typeof(TestApp.App).Assembly.Location);
        var definition = OpenApiDocument.Create(manifest, new OpenApiSettings("testapp-dev", "d", "uri", []));
        await using var client = ChaliceTestClient.Create<TestApp.App>();
        var pathsWithCors = 0;

        foreach (var (template, item) in definition["paths"]!.AsObject())
        {
            var mock = item!["options"]?["x-amazon-apigateway-integration"];
            var deployed = mock is null
                ? []
                : mock["responses"]!["default"]!["responseParameters"]!.AsObject()
                    .Select(p => (Name: p.Key["method.response.header.".Length..], Value: p.Value!.GetValue<string>().Trim('\'')))
                    .ToList();

            var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
            var preflight = await client.OptionsAsync(path);
            var simulated = preflight.StatusCode == 200
                ? preflight.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal)).Select(h => (Name: h.Key, h.Value)).ToList()
                : [];

            Assert.Equal(deployed, simulated);
            pathsWithCors += deployed.Count > 0 ? 1 : 0;
        }
        Assert.Equal(3, pathsWithCors); // /cors, /cors/mixed, /cors/custom: the comparison is not vacuous
    }
}
