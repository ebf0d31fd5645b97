namespace Chalice.Cli.Tests;

/// <summary><c>chalice-net url</c> prints the recorded API's URL, whatever its kind, with no AWS call.</summary>
public sealed class UrlCommandTests
{
    [Theory]
    [InlineData("""{ "name": "http_api", "resource_type": "http_api", "http_api_id": "a1b2c3d4", "http_api_url": "https://a1b2c3d4.execute-api.eu-west-1.amazonaws.com/" }""",
        "https://a1b2c3d4.execute-api.eu-west-1.amazonaws.com/")]
    [InlineData("""{ "name": "rest_api", "resource_type": "rest_api", "rest_api_id": "abcdef1234", "rest_api_url": "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/api/", "api_gateway_stage": "api" }""",
        "https://abcdef1234.execute-api.eu-west-1.amazonaws.com/api/")]
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
