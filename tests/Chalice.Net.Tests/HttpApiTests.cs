using Chalice.Gateway;
using Chalice.Testing;
using Chalice.TestApp;

namespace Chalice.Tests;

/// <summary>The acceptance app behind an HTTP API with payload 2.0.</summary>
public sealed class HttpApiTests : IAsyncLifetime
{
    private ChaliceTestClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = ChaliceTestClient.Create<App>(gateway: new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Routes_bind_through_payload_two()
    {
        var response = await _client.GetAsync("/search?q=x&tag=a&tag=b%2Cc");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""["x","a","b,c","no-limit"]""", response.BodyText); // the raw query keeps repeated values apart
        Assert.NotNull(response.Header("Apigw-Requestid"));
        Assert.Null(response.Header("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Cookies_become_set_cookie_headers()
    {
        var response = await _client.GetAsync("/cookies");
        Assert.Equal(["a=1", "b=2"], response.HeaderValues("Set-Cookie"));
        Assert.Equal("""{"ok":true}""", response.BodyText);
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_crashes_keep_the_apps_body()
    {
        var unknown = await _client.GetAsync("/missing");
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", unknown.BodyText);

        var crash = await _client.GetAsync("/crash");
        Assert.Equal(500, crash.StatusCode);
        Assert.Equal("""{"Code":"InternalServerError","Message":"An internal server error occurred."}""", crash.BodyText);
    }

    [Fact]
    public async Task A_method_the_route_does_not_serve_is_404_as_for_an_unknown_route()
    {
        // An HTTP API routes on method and path together (a route key such as GET /users/{id}), so a request no route
        // key matches gets the gateway's 404: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
        var response = await _client.SendAsync("PATCH", "/users/1");
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", response.BodyText);
    }

    [Fact]
    public async Task Request_context_comes_from_the_payload_two_event()
    {
        var response = await _client.PostAsync("/request?q=1", [new("X-Custom", "v2")], """{"a":1}""");
        var json = response.Json!;
        Assert.Equal("POST", json["method"]!.GetValue<string>());
        Assert.Equal("/request", json["path"]!.GetValue<string>());
        Assert.Equal("v2", json["header"]!.GetValue<string>());
        Assert.Equal("$default", json["stage"]!.GetValue<string>());
        Assert.Equal(1, json["json"]!["a"]!.GetValue<int>());
    }
}
