using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Testing;

namespace Chalice.Local.Tests;

/// <summary>
/// An HTTP API with CORS, emulated as API Gateway serves it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html): it "automatically sends a
/// response to preflight OPTIONS requests, even if there isn't an OPTIONS route configured", "ignores CORS headers
/// returned from your backend integration", and "to return CORS headers, your request must contain an origin header.
/// For the OPTIONS method, your request must contain both an origin header and an Access-Control-Request-Method
/// header". The preflight's 204 is what AWS-parity suites record for it (https://github.com/floci-io/floci/pull/1955).
/// A REST API keeps Chalice's mock OPTIONS method (200), tested with the REST gateway.
/// </summary>
public sealed class HttpApiCorsTests
{
    private static readonly CorsConfig s_cors = new()
    {
        AllowOrigin = "https://app.example.com", AllowHeaders = ["X-Custom"], ExposeHeaders = ["X-Out"], MaxAge = 600, AllowCredentials = true,
    };

    private static ChaliceTestClient Client(ApiGatewayType type, CorsConfig? other = null)
    {
        var definition = new ChaliceAppDefinition("corsapp", [
            new RouteDefinition("/items/{id}", ["GET", "PUT"], "Item", (_, _) => ValueTask.FromResult(new Response("item"))) { Cors = s_cors },
            new RouteDefinition("/other", ["POST"], "Other", (_, _) => ValueTask.FromResult(new Response("other"))) { Cors = other ?? s_cors },
        ], _ => new object());
        return new ChaliceTestClient(ChaliceApplication.Create(definition, new ChaliceApplicationOptions { ConfigureLogging = _ => { } }),
            new GatewayOptions { ApiType = type });
    }

    private static Dictionary<string, string> Preflight(string origin) =>
        new() { ["Origin"] = origin, ["Access-Control-Request-Method"] = "PUT" };

    private static string[] CorsHeaderNames(TestResponse response) =>
        [.. response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))];

    [Theory]
    [InlineData(ApiGatewayType.HttpPayloadV2)]
    [InlineData(ApiGatewayType.HttpPayloadV1)]
    public async Task The_gateway_answers_a_preflight_from_an_allowed_origin_with_204_and_the_API_s_configuration(ApiGatewayType type)
    {
        await using var client = Client(type);

        var response = await client.OptionsAsync("/items/1", Preflight("https://app.example.com"));

        Assert.Equal(204, response.StatusCode);
        Assert.Empty(response.Body);
        Assert.Equal("https://app.example.com", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("GET,PUT,POST,OPTIONS", response.Header("Access-Control-Allow-Methods"));
        Assert.Equal("Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Custom", response.Header("Access-Control-Allow-Headers"));
        Assert.Equal("600", response.Header("Access-Control-Max-Age"));
        Assert.Equal("true", response.Header("Access-Control-Allow-Credentials"));
        Assert.NotNull(response.Header("Apigw-Requestid"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_204_without_CORS_headers()
    {
        await using var client = Client(ApiGatewayType.HttpPayloadV2);

        var response = await client.OptionsAsync("/items/1", Preflight("https://evil.example.com"));

        Assert.Equal(204, response.StatusCode);
        Assert.Empty(CorsHeaderNames(response));
    }

    [Fact]
    public async Task An_OPTIONS_request_that_is_no_preflight_is_routed_and_the_API_has_no_OPTIONS_route()
    {
        await using var client = Client(ApiGatewayType.HttpPayloadV2);

        var response = await client.OptionsAsync("/items/1", new Dictionary<string, string> { ["Origin"] = "https://app.example.com" });

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", response.BodyText);
    }

    [Fact]
    public async Task A_response_carries_the_API_s_CORS_headers_for_an_allowed_origin_and_never_the_function_s()
    {
        await using var client = Client(ApiGatewayType.HttpPayloadV2);

        var allowed = await client.GetAsync("/items/1", new Dictionary<string, string> { ["Origin"] = "https://app.example.com" });
        var noOrigin = await client.GetAsync("/items/1");

        Assert.Equal("https://app.example.com", allowed.Header("Access-Control-Allow-Origin"));
        Assert.Equal("X-Out", allowed.Header("Access-Control-Expose-Headers"));
        Assert.Equal("true", allowed.Header("Access-Control-Allow-Credentials"));
        Assert.Null(allowed.Header("Access-Control-Allow-Headers")); // the function's, which API Gateway ignores
        Assert.Equal("item", noOrigin.BodyText);
        Assert.Empty(CorsHeaderNames(noOrigin));
    }

    [Fact]
    public async Task A_REST_API_keeps_Chalice_s_mock_preflight()
    {
        await using var client = Client(ApiGatewayType.Rest);

        var response = await client.OptionsAsync("/items/1", Preflight("https://app.example.com"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("GET,PUT,OPTIONS", response.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Routes_with_different_CORS_settings_cannot_be_an_HTTP_API_so_a_CORS_request_fails_loudly()
    {
        await using var client = Client(ApiGatewayType.HttpPayloadV2, other: CorsConfig.Default);

        var preflight = await client.OptionsAsync("/items/1", Preflight("https://app.example.com"));
        var plain = await client.GetAsync("/items/1");

        Assert.Equal(500, preflight.StatusCode);
        Assert.Equal(200, plain.StatusCode);
    }
}
