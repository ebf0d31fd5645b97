using System.Text;
using System.Text.Json.Nodes;
using Chalice.AuthApp;
using Chalice.Gateway;
using Chalice.Hosting;
using Chalice.Testing;
using Chalice.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// The app's own authorizers in front of its routes, through the test client (the emulator runs the same gateway):
/// the statuses, bodies and error types API Gateway answers with (their sources are on GatewayErrors), and what the
/// handler sees of the authorizer.
/// </summary>
public sealed class BuiltInAuthorizerTests
{
    private static KeyValuePair<string, string>[] Token(string token) => [new("Authorization", token)];

    [Fact]
    public async Task An_allowed_token_reaches_the_handler_with_its_principal_and_context()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/orders", Token("allow"));

        Assert.Equal(200, response.StatusCode);
        // REST: principalId beside the context values (shared/fixtures/events/apigw-request.json).
        Assert.Equal("""{"principalId":"user-1","tier":"gold"}""", response.Json!["authorizer"]!.ToJsonString());
    }

    [Fact]
    public async Task The_authorizers_values_bind_to_typed_parameters()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/whoami", Token("allow"));

        Assert.Equal((200, "user-1 (gold, level none)"), (response.StatusCode, response.BodyText));
    }

    [Fact]
    public async Task Behind_an_HTTP_API_a_principal_id_the_gateway_does_not_pass_is_a_missing_value()
    {
        // Payload 2.0 passes the context only, under "lambda" (apigw-v2-request-lambda-authorizer.json).
        await using var client = ChaliceTestClient.Create<App>(gateway: new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 });

        var response = await client.GetAsync("/whoami", Token("allow"));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Missing required authorizer value 'principalId'", response.BodyText);
    }

    [Fact]
    public async Task A_missing_token_is_401_and_the_authorizer_is_not_called()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/orders");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", response.BodyText);
        Assert.Equal("UnauthorizedException", response.Header("x-amzn-ErrorType"));
        Assert.Equal(0, Calls(client));
    }

    [Fact]
    public async Task An_empty_token_counts_as_missing()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/orders", Token(""));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(0, Calls(client));
    }

    [Fact]
    public async Task An_unauthorized_answer_is_401()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/orders", Token("unauthorized"));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", response.BodyText);
        Assert.Equal("UnauthorizedException", response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_method_the_answer_does_not_allow_is_403()
    {
        await using var client = ChaliceTestClient.Create<App>();

        // "allow" grants GET /admin only (an AuthRoute with its methods).
        var get = await client.GetAsync("/admin", Token("allow"));
        var post = await client.PostAsync("/admin", Token("allow"), "{}");

        Assert.Equal(200, get.StatusCode);
        Assert.Equal(403, post.StatusCode);
        Assert.Equal("""{"Message":"User is not authorized to access this resource"}""", post.BodyText);
        Assert.Equal("AccessDeniedException", post.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task An_answer_with_no_routes_is_403_as_Chalice_users_see_on_AWS()
    {
        // https://github.com/aws/chalice/issues/971: AuthResponse(routes=[]) is a 403 AccessDeniedException on AWS.
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.GetAsync("/orders", Token("nothing"));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("AccessDeniedException", response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task A_wildcard_route_covers_deeper_paths_and_every_method()
    {
        await using var client = ChaliceTestClient.Create<App>();

        Assert.Equal(200, (await client.GetAsync("/orders/42", Token("allow"))).StatusCode);
        Assert.Equal(200, (await client.DeleteAsync("/orders/42", Token("allow"))).StatusCode);
        Assert.Equal(200, (await client.PostAsync("/admin", Token("admin"), "{}")).StatusCode);
    }

    [Fact]
    public async Task An_authorizer_that_throws_is_500_and_the_gateway_keeps_serving()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var failed = await client.GetAsync("/orders", Token("throw"));
        var next = await client.GetAsync("/orders", Token("allow"));

        Assert.Equal(500, failed.StatusCode);
        Assert.Equal("""{"message":null}""", failed.BodyText);
        Assert.Equal("AuthorizerConfigurationException", failed.Header("x-amzn-ErrorType"));
        Assert.Equal(200, next.StatusCode);
    }

    [Fact]
    public async Task A_route_without_an_authorizer_needs_no_token()
    {
        await using var client = ChaliceTestClient.Create<App>();

        Assert.Equal(200, (await client.GetAsync("/public")).StatusCode);
        Assert.Equal(0, Calls(client));
    }

    [Fact]
    public async Task The_answer_is_cached_per_token_for_the_TTL_and_evaluated_per_request()
    {
        var clock = new ManualClock();
        await using var application = ChaliceApplication.Create<App>();
        var gateway = Gateway(application, new GatewayOptions(), clock);

        Assert.Equal(200, await Status(gateway, application, "GET", "/orders", "allow"));
        Assert.Equal(200, await Status(gateway, application, "GET", "/orders/7", "allow"));
        // The cached policy is evaluated again for each method: POST /admin is not in it.
        Assert.Equal(403, await Status(gateway, application, "POST", "/admin", "allow"));
        Assert.Equal(1, application.Services.GetRequiredService<AuthorizerCalls>().Count);

        // Another token is another identity.
        Assert.Equal(200, await Status(gateway, application, "GET", "/admin", "admin"));
        Assert.Equal(2, application.Services.GetRequiredService<AuthorizerCalls>().Count);

        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(200, await Status(gateway, application, "GET", "/orders", "allow"));
        Assert.Equal(2, application.Services.GetRequiredService<AuthorizerCalls>().Count);

        clock.Advance(TimeSpan.FromSeconds(1)); // TtlSeconds = 300
        Assert.Equal(200, await Status(gateway, application, "GET", "/orders", "allow"));
        Assert.Equal(3, application.Services.GetRequiredService<AuthorizerCalls>().Count);
    }

    [Fact]
    public async Task A_request_authorizer_takes_its_identity_from_a_header_and_the_query()
    {
        await using var client = ChaliceTestClient.Create<App>();
        KeyValuePair<string, string>[] key = [new("X-Key", "secret-acme")];

        var allowed = await client.GetAsync("/tenants?tenant=acme", key);
        var wrongKey = await client.GetAsync("/tenants?tenant=other", key);
        var noQuery = await client.GetAsync("/tenants", key);
        var noHeader = await client.GetAsync("/tenants?tenant=acme");

        Assert.Equal(200, allowed.StatusCode);
        Assert.Equal("tenant-acme", allowed.Json!["authorizer"]!["principalId"]!.GetValue<string>());
        Assert.Equal(403, wrongKey.StatusCode);
        Assert.Equal(401, noQuery.StatusCode);
        Assert.Equal(401, noHeader.StatusCode);
        // TtlSeconds = 0: called for each request that has its identity sources, and for no other.
        Assert.Equal(2, Calls(client));
    }

    [Fact]
    public async Task Behind_an_HTTP_API_the_answers_are_the_HTTP_APIs()
    {
        await using var client = ChaliceTestClient.Create<App>(gateway: new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 });

        var allowed = await client.GetAsync("/orders", Token("allow"));
        var missing = await client.GetAsync("/orders");
        var denied = await client.GetAsync("/orders", Token("nothing"));
        var failed = await client.GetAsync("/orders", Token("throw"));

        Assert.Equal(200, allowed.StatusCode);
        // Payload 2.0: the context under "lambda" (shared/fixtures/events/apigw-v2-request-lambda-authorizer.json).
        Assert.Equal("""{"lambda":{"tier":"gold"}}""", allowed.Json!["authorizer"]!.ToJsonString());
        Assert.Equal((401, """{"message":"Unauthorized"}"""), (missing.StatusCode, missing.BodyText));
        Assert.Equal((403, """{"message":"Forbidden"}"""), (denied.StatusCode, denied.BodyText));
        Assert.Equal((500, """{"message":"Internal Server Error"}"""), (failed.StatusCode, failed.BodyText));
        Assert.Null(denied.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task The_authorizer_function_is_invoked_by_name_with_AWSs_sample_event()
    {
        // Lambda's view: the fixture's TOKEN event in, the policy out, as API Gateway expects it
        // (shared/fixtures/events/apigw-custom-auth-request.json, apigw-custom-auth-response.json).
        await using var client = ChaliceTestClient.Create<App>();
        var fixture = SharedFixtures.ReadText("events/apigw-custom-auth-request.json"); // its token is "allow"

        var response = await client.Lambda.InvokeAsync("Tokens", fixture);

        Assert.Null(response.FunctionError);
        Assert.Equal(
            """{"principalId":"user-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*/orders","arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*/orders/*","arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*/whoami","arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/admin"]}]},"context":{"tier":"gold"}}""",
            response.PayloadText);
    }

    [Fact]
    public async Task An_unauthorized_answer_fails_the_invocation_with_the_message_API_Gateway_reads()
    {
        await using var client = ChaliceTestClient.Create<App>();

        var response = await client.Lambda.InvokeAsync("Tokens", """{"type":"TOKEN","authorizationToken":"unauthorized","methodArn":"arn:aws:execute-api:us-east-1:1:a/b/GET/"}""");

        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Equal("Unauthorized", response.Json!["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Behind_an_HTTP_API_a_simple_response_allows_with_its_context_or_refuses_with_403_and_is_cached()
    {
        // Simple responses (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html):
        // isAuthorized true serves the route with the context under "lambda" (apigw-v2-request-lambda-authorizer.json);
        // false is the HTTP API's 403, as a policy that allows nothing is.
        await using var client = ChaliceTestClient.Create<App>(gateway: new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 });

        var allowed = await client.GetAsync("/keys", [new("X-Key", "open-sesame")]);
        var again = await client.GetAsync("/keys", [new("X-Key", "open-sesame")]);
        var refused = await client.GetAsync("/keys", [new("X-Key", "guess")]);
        var missing = await client.GetAsync("/keys");

        Assert.Equal((200, 200), (allowed.StatusCode, again.StatusCode));
        Assert.Equal("""{"lambda":{"tier":"silver"}}""", allowed.Json!["authorizer"]!.ToJsonString());
        Assert.Equal((403, """{"message":"Forbidden"}"""), (refused.StatusCode, refused.BodyText));
        Assert.Equal((401, """{"message":"Unauthorized"}"""), (missing.StatusCode, missing.BodyText));
        // One call per key within the TTL (300 s by default), none without a key.
        Assert.Equal(2, Calls(client));
    }

    [Theory]
    [InlineData(ApiGatewayType.Rest)]
    [InlineData(ApiGatewayType.HttpPayloadV1)]
    public async Task A_simple_response_authorizer_cannot_run_without_payload_2_0_and_its_routes_are_denied_with_a_warning(ApiGatewayType type)
    {
        await using var application = ChaliceApplication.Create<App>();
        var warnings = new List<string>();
        var gateway = Gateway(application, new GatewayOptions { ApiType = type }, warnings: warnings);

        var request = new GatewayRequest("GET", "/keys", "", [new("X-Key", "open-sesame")], ReadOnlyMemory<byte>.Empty);
        var response = await gateway.HandleAsync(request, (json, ct) => application.Dispatcher.DispatchAsync(json, null, ct));

        Assert.Equal(403, response.StatusCode);
        var warning = Assert.Single(warnings, w => w.Contains("'Keys'", StringComparison.Ordinal));
        Assert.Contains("simple responses exist on HTTP APIs with payload format 2.0 only", warning);
        Assert.Equal(0, application.Services.GetRequiredService<AuthorizerCalls>().Count);
    }

    [Fact]
    public async Task A_simple_response_authorizer_takes_AWSs_sample_event_and_answers_in_the_simple_form()
    {
        // shared/fixtures/events/aws-lambda-dotnet/custom-authorizer-v2-request.json, with one identity source: the key.
        await using var client = ChaliceTestClient.Create<App>();
        var request = JsonNode.Parse(SharedFixtures.ReadText("events/aws-lambda-dotnet/custom-authorizer-v2-request.json"))!;
        request["identitySource"] = new JsonArray("open-sesame");

        var allowed = await client.Lambda.InvokeAsync("Keys", request.ToJsonString());

        Assert.Null(allowed.FunctionError);
        Assert.Equal("""{"isAuthorized":true,"context":{"tier":"silver"}}""", allowed.PayloadText);
    }

    private static int Calls(ChaliceTestClient client) => client.Application.Services.GetRequiredService<AuthorizerCalls>().Count;

    internal static ApiGatewaySimulator Gateway(ChaliceApplication application, GatewayOptions options, TimeProvider? clock = null, List<string>? warnings = null) =>
        new(application.Routes, options, clock, Chalice.Gateway.Authorization.LocalAuthorizerFunctions.Of(application, m => warnings?.Add(m)));

    private static async Task<int> Status(ApiGatewaySimulator gateway, ChaliceApplication application, string method, string path, string token)
    {
        var request = new GatewayRequest(method, path, "", [new("Authorization", token), new("Content-Type", "application/json")], Encoding.UTF8.GetBytes("{}"));
        var response = await gateway.HandleAsync(request, (json, ct) => application.Dispatcher.DispatchAsync(json, null, ct));
        return response.StatusCode;
    }
}
