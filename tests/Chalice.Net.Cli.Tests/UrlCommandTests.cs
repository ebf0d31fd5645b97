namespace Chalice.Cli.Tests;

/// <summary><c>chalice-net url</c> prints the recorded API's URL, whatever its kind, with no AWS call.</summary>
public sealed class UrlCommandTests
{
    [Theory]
    [InlineData("""{ "name": "http_api", "resource_type": "http_api", "http_api_id": "a1b2c3d4", "http_api_url": "https://a1b2c3d4.execute-api.eu-west-1.amazonaws.com/" }""",
        "https://a1b2c3d4.execute-api.eu-west-1.amazonaws.com/")]
    [InlineData("""{ "name": "rest_api", "resource_type": "rest_api", "rest_api_id": "abcdef1234", "rest_api_url": "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/api/", "api_gateway_stage": "api" }""",
        "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/api/")]
    // api_gateway_custom_domain: users reach the API through the domain, under its url_prefix.
    [InlineData("""
        { "name": "rest_api", "resource_type": "rest_api", "rest_api_id": "abcdef1234", "rest_api_url": "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/api/", "api_gateway_stage": "api" },
        { "name": "api_gateway_custom_domain", "resource_type": "domain_name", "domain_name": "api.example.com", "api_type": "rest", "created_domain": true,
          "base_path": "v1", "api_id": "abcdef1234", "alias_domain_name": "d-abc.execute-api.eu-west-1.amazonaws.com", "hosted_zone_id": "Z2OJLYMUO9EFXC" }
        """, "https://api.example.com/v1/")]
    public async Task Url_prints_the_recorded_APIs_URL_for_a_REST_or_an_HTTP_API(string record, string url)
    {
        using var app = TempApp.Create("""{ "app_name": "demo", "stages": { "dev": { "api_gateway_type": "http" } } }""");
        Directory.CreateDirectory(Path.Combine(app.Directory, ".chalice", "deployed"));
        app.WriteChaliceFile(Path.Combine("deployed", "dev.json"), $$"""
            { "schema_version": "2.0", "backend": "api", "app_name": "demo", "stage": "dev", "region": "eu-west-1", "resources": [ {{record}} ] }
            """);

        var run = (await CliRun.RunAsync("url", "--project-dir", app.Directory)).Succeeded();

        Assert.Equal(url, run.Output.Trim());
    }
}
