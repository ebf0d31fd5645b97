using System.Text;
using System.Text.Json.Nodes;
using Chalice.Functions;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Hosting;
using Chalice.Routing;
using Chalice.Tests;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// The gateway's side of authorizers, with authorizers written by hand: the events they receive (as AWS's samples in
/// shared/fixtures/events), answers no built-in authorizer gives (an explicit Deny, malformed policies), failures, and
/// authorizers the gateway cannot run.
/// </summary>
public sealed class GatewayAuthorizerTests
{
    private const string AllowAll = """{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]}}""";

    [Fact]
    public async Task An_explicit_deny_is_403_with_its_own_message()
    {
        var gateway = Gateway(_ => """{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"},{"Action":"execute-api:Invoke","Effect":"Deny","Resource":"arn:aws:execute-api:*:*:*/*/GET/orders/*"}]}}""");

        var response = await Send(gateway, "/orders/42", token: "t");

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("AccessDeniedException", response.Header("x-amzn-ErrorType"));
    }

    [Theory]
    [InlineData("""{"principalId":"u"}""")] // no policy
    [InlineData("""{"policyDocument":{"Statement":[]}}""")] // no principal
    [InlineData("""{"principalId":"u","policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"allow","Resource":"*"}]}}""")]
    [InlineData("""{"principalId":"u","policyDocument":{"Statement":[{"Effect":"Allow","Resource":"*"}]}}""")]
    [InlineData("""{"principalId":"u","policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]},"context":{"nested":{"a":1}}}""")]
    [InlineData("""{"principalId":"u","policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]},"context":{"list":[1]}}""")]
    [InlineData("not json")]
    [InlineData("null")]
    public async Task A_malformed_answer_is_500_AuthorizerConfigurationException(string answer)
    {
        var failures = new List<Exception>();
        var gateway = Gateway(_ => answer);

        var response = await Send(gateway, "/orders/42", token: "t", onFailure: failures.Add);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"message":null}""", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("AuthorizerConfigurationException", response.Header("x-amzn-ErrorType"));
        Assert.Single(failures);
    }

    [Theory]
    [InlineData(AllowAll)] // a policy, from an authorizer deployed for simple responses
    [InlineData("""{"isAuthorized":"true"}""")]
    [InlineData("""{"context":{"a":"b"}}""")]
    [InlineData("""{"isAuthorized":true,"context":{"nested":{"a":1}}}""")]
    [InlineData("null")]
    public async Task A_malformed_simple_response_is_the_HTTP_APIs_500(string answer)
    {
        var failures = new List<Exception>();
        var gateway = Gateway(_ => answer, new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 }, SimpleResponses);

        var response = await Send(gateway, "/orders/42", token: "t", onFailure: failures.Add);

        Assert.Equal((500, """{"message":"Internal Server Error"}"""), (response.StatusCode, Encoding.UTF8.GetString(response.Body)));
        Assert.Single(failures);
    }

    [Fact]
    public async Task A_simple_response_authorizer_gets_the_payload_2_0_event_and_its_answer_holds_for_every_route()
    {
        JsonObject? received = null;
        var gateway = Gateway(e => { received = e; return """{"isAuthorized":true,"context":{"n":1,"ok":true}}"""; },
            new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2 }, SimpleResponses);

        var response = await Send(gateway, "/orders/42", token: "t");

        Assert.Equal((200, """{"lambda":{"n":1,"ok":true}}"""), (response.StatusCode, Echoed(response)));
        // The event is payload 2.0's (shared/fixtures/events/apigw-v2-custom-authorizer-v2-request.json).
        Assert.Equal(("2.0", "REQUEST"), (received!["version"]!.GetValue<string>(), received["type"]!.GetValue<string>()));
        Assert.Equal("""["t"]""", received["identitySource"]!.ToJsonString());
    }

    [Fact]
    public async Task An_authorizer_that_never_answers_times_out_as_a_failure()
    {
        var never = new TaskCompletionSource<byte[]>();
        var gateway = Gateway(_ => "", new GatewayOptions { IntegrationTimeout = TimeSpan.FromMilliseconds(50) }, invoke: (_, _, _) => new ValueTask<byte[]>(never.Task));

        var response = await Send(gateway, "/orders/42", token: "t");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("AuthorizerConfigurationException", response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task Context_values_keep_their_JSON_types_beside_the_principal()
    {
        var gateway = Gateway(_ => """{"principalId":"admin","policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]},"context":{"clientId":1,"clientName":"Exata","active":true}}""");

        var response = await Send(gateway, "/orders/42", token: "t");

        // The shape of shared/fixtures/events/apigw-request.json's requestContext.authorizer.
        Assert.Equal("""{"principalId":"admin","clientId":1,"clientName":"Exata","active":true}""", Echoed(response));
    }

    [Fact]
    public async Task A_TOKEN_authorizer_gets_the_event_of_AWSs_sample()
    {
        JsonObject? received = null;
        var gateway = Gateway(e => { received = e; return AllowAll; });

        await Send(gateway, "/orders/42", token: "Bearer abc");

        Assert.NotNull(received);
        var sample = JsonNode.Parse(SharedFixtures.ReadText("events/apigw-custom-auth-request.json"))!.AsObject();
        Assert.Equal(sample.Select(p => p.Key), received.Select(p => p.Key));
        Assert.Equal("Bearer abc", received["authorizationToken"]!.GetValue<string>());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:local/api/GET/orders/42", received["methodArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_REQUEST_authorizer_gets_the_request_as_in_AWSs_sample()
    {
        JsonObject? received = null;
        var gateway = Gateway(
            e => { received = e; return AllowAll; }, new GatewayOptions { StageVariables = new Dictionary<string, string> { ["v"] = "1" } },
            settings: new AuthorizerSettings("REQUEST", ["method.request.querystring.q"], 0));

        await Send(gateway, "/orders/42", query: "q=1");

        Assert.NotNull(received);
        var sample = JsonNode.Parse(SharedFixtures.ReadText("events/apigw-custom-auth-request-type-request.json"))!.AsObject();
        Assert.Equal(sample.Select(p => p.Key).Order(), received.Select(p => p.Key).Order());
        Assert.Equal("/orders/{id}", received["resource"]!.GetValue<string>());
        Assert.Equal("42", received["pathParameters"]!["id"]!.GetValue<string>());
        Assert.Null(received["body"]);
    }

    [Fact]
    public async Task An_HTTP_API_authorizer_gets_the_payload_2_0_event_of_AWSs_sample()
    {
        JsonObject? received = null;
        var gateway = Gateway(
            e => { received = e; return AllowAll; }, new GatewayOptions { ApiType = ApiGatewayType.HttpPayloadV2, StageVariables = new Dictionary<string, string> { ["v"] = "1" } });

        await Send(gateway, "/orders/42", query: "a=b", token: "t", cookie: "c=1");

        Assert.NotNull(received);
        var sample = JsonNode.Parse(SharedFixtures.ReadText("events/apigw-v2-custom-authorizer-v2-request.json"))!.AsObject();
        Assert.Equal(sample.Select(p => p.Key).Order(), received.Select(p => p.Key).Order());
        Assert.Equal("""["t"]""", received["identitySource"]!.ToJsonString());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:local/$default/GET/orders/42", received["routeArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_whose_authorizer_cannot_run_is_denied_with_a_warning_naming_the_way_out()
    {
        var warnings = new List<string>();
        var gateway = Gateway(_ => AllowAll, authorizerName: "Cognito", warnings: warnings);

        var response = await Send(gateway, "/orders/42", token: "t");

        Assert.Equal(403, response.StatusCode);
        var warning = Assert.Single(warnings);
        Assert.Contains("GET /orders/{id}", warning);
        Assert.Contains("'Cognito'", warning);
        Assert.Contains("\"local_authorizers\": \"allow\"", warning);
    }

    [Fact]
    public async Task With_the_local_opt_out_such_a_route_is_served_with_a_warning_per_request()
    {
        var warnings = new List<string>();
        var gateway = Gateway(_ => AllowAll, new GatewayOptions { AllowUnavailableAuthorizers = true }, authorizerName: "Cognito", warnings: warnings);

        Assert.Equal(200, (await Send(gateway, "/orders/42")).StatusCode);
        Assert.Equal(200, (await Send(gateway, "/orders/42")).StatusCode);

        Assert.Equal(3, warnings.Count); // the route at start, then each request
        Assert.All(warnings.Skip(1), w => Assert.Contains("WITHOUT its authorizer 'Cognito'", w));
    }

    [Fact]
    public async Task A_gateway_built_without_the_apps_authorizers_never_serves_the_route_unauthenticated()
    {
        var gateway = new ApiGatewaySimulator(Routes("Tokens"));

        var response = await gateway.HandleAsync(Request("/orders/42", "", "t", null), Echo);

        Assert.Equal(403, response.StatusCode);
    }

    private static readonly AuthorizerSettings SimpleResponses = new("TOKEN", ["method.request.header.Authorization"], 300, SimpleResponses: true);

    private static RouteTable Routes(string authorizer) =>
        new([new RouteDefinition("/orders/{id}", ["GET"], "Order", (_, _) => ValueTask.FromResult(new Response())) { Authorizer = authorizer }]);

    private static ApiGatewaySimulator Gateway(
        Func<JsonObject, string> answer, GatewayOptions? options = null, AuthorizerSettings? settings = null, string authorizerName = "Custom",
        List<string>? warnings = null, AuthorizerInvoker? invoke = null)
    {
        var function = new FunctionDefinition("Custom", "Custom", settings ?? new AuthorizerSettings("TOKEN", ["method.request.header.Authorization"], 300),
            (_, _) => ValueTask.FromResult<object?>(null));
        invoke ??= (_, json, _) => ValueTask.FromResult(Encoding.UTF8.GetBytes(answer(JsonNode.Parse(json.Span)!.AsObject())));
        return new ApiGatewaySimulator(Routes(authorizerName), options, null, new LocalAuthorizerFunctions([function], invoke, m => warnings?.Add(m)));
    }

    private static Task<GatewayResponse> Send(
        ApiGatewaySimulator gateway, string path, string query = "", string? token = null, string? cookie = null, Action<Exception>? onFailure = null) =>
        gateway.HandleAsync(Request(path, query, token, cookie), Echo, onFailure).AsTask();

    private static GatewayRequest Request(string path, string query, string? token, string? cookie)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", "localhost") };
        if (token is not null)
            headers.Add(new("Authorization", token));
        if (cookie is not null)
            headers.Add(new("Cookie", cookie));
        return new GatewayRequest("GET", path, query, headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>The function behind the gateway: answers with the event's <c>requestContext.authorizer</c>.</summary>
    private static ValueTask<byte[]> Echo(ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken)
    {
        var authorizer = JsonNode.Parse(eventJson.Span)!["requestContext"]!["authorizer"]?.ToJsonString() ?? "null";
        return ValueTask.FromResult(Encoding.UTF8.GetBytes(new JsonObject { ["statusCode"] = 200, ["body"] = authorizer }.ToJsonString()));
    }

    private static string Echoed(GatewayResponse response) => Encoding.UTF8.GetString(response.Body);
}
