using System.Text.Json.Nodes;
using Chalice.Testing;
using Chalice.TestApp;

namespace Chalice.Tests;

/// <summary>The acceptance app, through the in-memory test client (REST API, payload 1.0).</summary>
public sealed class TestAppRouteTests : IAsyncLifetime
{
    private ChaliceTestClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = ChaliceTestClient.Create<App>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public async Task JSON_node_return_is_serialized_with_JSON_content_type()
    {
        var response = await _client.GetAsync("/");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("""{"hello":"world"}""", response.BodyText);
    }

    [Fact]
    public async Task Route_parameter_and_query_default_bind_to_typed_parameters()
    {
        var response = await _client.GetAsync("/users/42");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"id":42,"name":"user42","note":null}""", response.BodyText);

        var verbose = await _client.GetAsync("/users/42?verbose=true");
        Assert.Equal("""{"id":42,"name":"user42","note":"verbose"}""", verbose.BodyText);
    }

    [Fact]
    public async Task Failed_conversion_is_A400_naming_the_parameter()
    {
        var response = await _client.GetAsync("/users/abc");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal(
            """{"Code":"BadRequestError","Message":"Invalid value 'abc' for path parameter 'id': expected an integer."}""",
            response.BodyText);

        var badBool = await _client.GetAsync("/users/1?verbose=maybe");
        Assert.Equal(400, badBool.StatusCode);
        Assert.Contains("query parameter 'verbose': expected true or false", badBool.BodyText);
    }

    [Fact]
    public async Task From_body_deserializes_through_the_app_context_and_response_sets_status_and_headers()
    {
        var response = await _client.PostAsync("/users", body: """{"id":5,"name":"five"}""");
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/users/5", response.Header("Location"));
        Assert.Equal("""{"id":5,"name":"five","note":null}""", response.BodyText);
    }

    [Fact]
    public async Task Invalid_JSON_body_is_A400_with_its_position()
    {
        var response = await _client.PostAsync("/users", body: """{"id":"x"}""");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("BadRequestError", response.Json!["Code"]!.GetValue<string>());
        Assert.StartsWith("Invalid JSON body for parameter 'user' at $.id", response.Json!["Message"]!.GetValue<string>());

        var missing = await _client.PostAsync("/users");
        Assert.Equal(400, missing.StatusCode);
        Assert.Contains("Missing request body for parameter 'user'", missing.BodyText);
    }

    [Fact]
    public async Task Query_arrays_nullables_and_cancellation_token_bind()
    {
        var response = await _client.GetAsync("/search?q=cats&tag=a&tag=b&limit=5");
        Assert.Equal("""["cats","a","b","5"]""", response.BodyText);

        var noLimit = await _client.GetAsync("/search?q=dogs");
        Assert.Equal("""["dogs","no-limit"]""", noLimit.BodyText);

        var missing = await _client.GetAsync("/search");
        Assert.Equal(400, missing.StatusCode);
        Assert.Equal("""{"Code":"BadRequestError","Message":"Missing required query parameter 'q'."}""", missing.BodyText);
    }

    [Fact]
    public async Task Headers_bind_to_guid_arrays_and_nullable_dates()
    {
        var trace = Guid.NewGuid();
        var response = await _client.SendAsync("GET", "/headers",
        [
            new("X-Trace", trace.ToString()),
            new("X-Tag", "one"),
            new("X-Tag", "two"),
            new("X-Since", "2024-05-06T07:08:09+02:00"),
        ]);
        Assert.Equal(200, response.StatusCode);
        var json = response.Json!;
        Assert.Equal(trace.ToString(), json["trace"]!.GetValue<string>());
        Assert.Equal("one|two", json["tags"]!.GetValue<string>());
        Assert.Equal("2024-05-06T05:08:09.0000000+00:00", json["since"]!.GetValue<string>());

        var badGuid = await _client.GetAsync("/headers", Headers(("X-Trace", "nope")));
        Assert.Equal(400, badGuid.StatusCode);
        Assert.Contains("header 'X-Trace': expected a GUID", badGuid.BodyText);
    }

    [Fact]
    public async Task Scalar_conversions_use_the_invariant_culture()
    {
        var response = await _client.GetAsync(
            "/values?when=2024-01-02T03:04:05Z&color=blue&ratio=0.25&big=9007199254740993&price=12.50&extra=red&extra=Green");
        Assert.Equal(200, response.StatusCode);
        var json = response.Json!;
        Assert.Equal("2024-01-02T03:04:05.0000000Z", json["when"]!.GetValue<string>());
        Assert.Equal("Utc", json["kind"]!.GetValue<string>());
        Assert.Equal("Blue", json["color"]!.GetValue<string>());
        Assert.Equal(0.25, json["ratio"]!.GetValue<double>());
        Assert.Equal(9007199254740993L, json["big"]!.GetValue<long>());
        Assert.Equal(12.50m, json["price"]!.GetValue<decimal>());
        Assert.Equal("Red,Green", json["extra"]!.GetValue<string>());
        Assert.Equal("hi", json["greeting"]!.GetValue<string>());

        var badEnum = await _client.GetAsync("/values?when=2024-01-02&color=purple&ratio=1&big=1&price=1");
        Assert.Equal(400, badEnum.StatusCode);
        Assert.Contains("'purple' for query parameter 'color': expected one of Red, Green, Blue", badEnum.BodyText);
    }

    [Theory]
    [InlineData("/files/special", "literal")]
    [InlineData("/files/report/meta", "param:report")]
    [InlineData("/files/a/b/c.txt", "greedy:a/b/c.txt")]
    [InlineData("/files/report", "greedy:report")]
    [InlineData("/files/with%20space/x", "greedy:with%20space/x")] // a REST API passes parameters on undecoded
    public async Task Literals_beat_parameters_which_beat_greedy_parameters(string path, string expected)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(expected, response.BodyText);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Binary_and_stream_bodies_are_base_64_on_the_wire_and_bytes_over_HTTP()
    {
        var binaryEvent = await _client.Application.Dispatcher.DispatchAsync(_client.CreateEventJson("GET", "/binary")!);
        var wire = JsonNode.Parse(binaryEvent)!;
        Assert.True(wire["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("AAEC/w==", wire["body"]!.GetValue<string>());

        var binary = await _client.GetAsync("/binary", Headers(("Accept", "application/octet-stream")));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, binary.Body);
        Assert.Equal("application/octet-stream", binary.Header("Content-Type"));

        var stream = await _client.GetAsync("/stream", Headers(("Accept", "application/octet-stream")));
        Assert.Equal("streamed"u8.ToArray(), stream.Body);
    }

    // API Gateway passes a request body as base64 when its Content-Type is one of the API's binaryMediaTypes, and
    // returns a base64 response as bytes when the request's Accept or the response's Content-Type is one:
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
    // TestApp adds application/x-testapp-blob to Chalice's defaults, so it must be binary here as when deployed.
    [Fact]
    public async Task The_app_s_own_binary_media_type_is_base_64_to_the_function_and_bytes_to_the_client()
    {
        byte[] blob = [0, 1, 2, 255];
        var blobHeaders = Headers(("Content-Type", "application/x-testapp-blob"), ("Accept", "application/x-testapp-blob"));

        var request = await _client.SendAsync("POST", "/blob", blobHeaders, blob);

        Assert.Equal(200, request.StatusCode);
        Assert.Equal(new byte[] { 255, 2, 1, 0 }, request.Body);
        var wire = JsonNode.Parse(_client.Gateway.CreateEventJson(new Gateway.GatewayRequest("POST", "/blob", "", blobHeaders.ToList(), blob))!)!;
        Assert.True(wire["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("AAEC/w==", wire["body"]!.GetValue<string>());
    }

    [Fact]
    public void A_type_the_app_did_not_add_stays_text_as_API_Gateway_leaves_it()
    {
        var wire = JsonNode.Parse(_client.CreateEventJson("POST", "/blob", Headers(("Content-Type", "application/x-other")), "abc")!)!;

        Assert.False(wire["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("abc", wire["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Void_and_task_handlers_answer_200_with_an_empty_body()
    {
        var nothing = await _client.PostAsync("/nothing");
        Assert.Equal(200, nothing.StatusCode);
        Assert.Empty(nothing.Body);

        var later = await _client.DeleteAsync("/later");
        Assert.Equal(200, later.StatusCode);
        Assert.Empty(later.Body);
    }

    [Fact]
    public async Task Value_task_of_int_is_JSON()
    {
        var response = await _client.GetAsync("/double/21");
        Assert.Equal("42", response.BodyText);
        Assert.Equal("application/json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Object_returns_are_sent_by_their_runtime_type()
    {
        Assert.Equal("null", (await _client.GetAsync("/object/null")).BodyText);
        Assert.Equal("plain text", (await _client.GetAsync("/object/text")).BodyText);
        Assert.Equal("""{"node":true}""", (await _client.GetAsync("/object/node")).BodyText);
        Assert.Equal("""{"id":7,"name":"seven","note":null}""", (await _client.GetAsync("/object/user")).BodyText);
        var teapot = await _client.GetAsync("/object/teapot");
        Assert.Equal(418, teapot.StatusCode);
        Assert.Equal("teapot", teapot.BodyText);
    }

    [Theory]
    [InlineData("PATCH", "/users/1")]
    [InlineData("DELETE", "/cors")]
    [InlineData("HEAD", "/users/1")]
    [InlineData("OPTIONS", "/users/1")] // no CORS, so the deployed API has no OPTIONS method either
    public async Task A_method_the_route_does_not_serve_is_answered_by_the_gateway_as_for_an_unknown_path(string method, string path)
    {
        // The deployed REST API defines only the routes' methods (DeployerMotoTests reads them back with the AWS CLI),
        // and API Gateway answers a method a resource lacks with its Missing Authentication Token error:
        // https://repost.aws/knowledge-center/api-gateway-authentication-token-errors
        var response = await _client.SendAsync(method, path);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Header("x-amzn-ErrorType"));
        if (method != "HEAD")
            Assert.Equal("""{"message":"Missing Authentication Token"}""", response.BodyText);
    }

    [Fact]
    public async Task An_event_for_a_method_the_route_does_not_serve_is_405_with_allow_from_the_function()
    {
        // What the function itself answers when such an event reaches it anyway (a catch-all integration, or an
        // invocation that does not come through the app's own API), as Chalice does.
        var patch = await _client.Application.Dispatcher.DispatchAsync(_client.CreateEventJson("PATCH", "/users/1")!);
        var response = JsonNode.Parse(patch)!;
        Assert.Equal(405, response["statusCode"]!.GetValue<int>());
        Assert.Equal("GET", response["headers"]!["Allow"]!.GetValue<string>());
        Assert.Equal("""{"Code":"MethodNotAllowedError","Message":"Unsupported method: PATCH"}""", response["body"]!.GetValue<string>());

        var multi = JsonNode.Parse(await _client.Application.Dispatcher.DispatchAsync(_client.CreateEventJson("DELETE", "/cors")!))!;
        Assert.Equal("GET, PUT", multi["headers"]!["Allow"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unlisted_request_content_type_is_415()
    {
        var response = await _client.PostAsync("/text", Headers(("Content-Type", "application/json")), "\"x\"");
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("""{"Code":"UnsupportedMediaType","Message":"Unsupported media type: application/json"}""", response.BodyText);

        var accepted = await _client.PostAsync("/text", Headers(("Content-Type", "text/plain; charset=utf-8")), "quiet");
        Assert.Equal("QUIET", accepted.BodyText);

        var defaultJsonOnly = await _client.PostAsync("/json", Headers(("Content-Type", "text/csv")), "a,b");
        Assert.Equal(415, defaultJsonOnly.StatusCode);
    }

    [Fact]
    public async Task Raw_bodies_bind_as_bytes_and_JSON_node()
    {
        var raw = await _client.SendAsync("POST", "/raw", Headers(("Content-Type", "application/octet-stream")), new byte[] { 9, 8, 7 });
        Assert.Equal("3", raw.BodyText);

        var json = await _client.PostAsync("/json", body: """{"a":[1,2]}""");
        Assert.Equal("""{"a":[1,2]}""", json.BodyText);
    }

    [Theory]
    [InlineData("View", 500, "ChaliceViewError", "view failed")]
    [InlineData("BadRequest", 400, "BadRequestError", "bad request")]
    [InlineData("Unauthorized", 401, "UnauthorizedError", "who are you")]
    [InlineData("Forbidden", 403, "ForbiddenError", "not yours")]
    [InlineData("NotFound", 404, "NotFoundError", "nothing here")]
    [InlineData("MethodNotAllowed", 405, "MethodNotAllowedError", "not like that")]
    [InlineData("RequestTimeout", 408, "RequestTimeoutError", "too slow")]
    [InlineData("Conflict", 409, "ConflictError", "already there")]
    [InlineData("UnprocessableEntity", 422, "UnprocessableEntityError", "makes no sense")]
    [InlineData("TooManyRequests", 429, "TooManyRequestsError", "slow down")]
    public async Task Chalice_errors_have_their_status_and_code_message_body(string kind, int status, string code, string message)
    {
        var response = await _client.GetAsync($"/errors/{kind}");
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal($$"""{"Code":"{{code}}","Message":"{{message}}"}""", response.BodyText);
        if (status == 405)
            Assert.Equal("GET, POST", response.Header("Allow"));
    }

    [Fact]
    public async Task Unhandled_exceptions_are_500_without_internals()
    {
        var response = await _client.GetAsync("/crash");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"Code":"InternalServerError","Message":"An internal server error occurred."}""", response.BodyText);
        Assert.DoesNotContain("secret", response.BodyText);
    }

    [Fact]
    public async Task Debug_mode_shows_the_exception()
    {
        var app = Hosting.ChaliceApplication.Create<App>(new Hosting.ChaliceApplicationOptions { Debug = true });
        await using var client = new ChaliceTestClient(app);
        var response = await client.GetAsync("/crash");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("text/plain", response.Header("Content-Type"));
        Assert.Contains("InvalidOperationException: secret internal detail", response.BodyText);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task CORS_routes_carry_CORS_headers_and_answer_preflight()
    {
        var response = await _client.GetAsync("/cors");
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key", response.Header("Access-Control-Allow-Headers"));

        var preflight = await _client.OptionsAsync("/cors");
        Assert.Equal(200, preflight.StatusCode);
        Assert.Equal("GET,PUT,OPTIONS", preflight.Header("Access-Control-Allow-Methods"));
        Assert.Equal("*", preflight.Header("Access-Control-Allow-Origin"));
        Assert.Empty(preflight.Body);

        var custom = await _client.GetAsync("/cors/custom");
        Assert.Equal("https://example.com", custom.Header("Access-Control-Allow-Origin"));
        Assert.Equal("Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Custom", custom.Header("Access-Control-Allow-Headers"));
        Assert.Equal("X-Out", custom.Header("Access-Control-Expose-Headers"));
        Assert.Equal("600", custom.Header("Access-Control-Max-Age"));
        Assert.Equal("true", custom.Header("Access-Control-Allow-Credentials"));

        var noCors = await _client.GetAsync("/users/1");
        Assert.Null(noCors.Header("Access-Control-Allow-Origin"));
        var noPreflight = await _client.OptionsAsync("/users/1");
        Assert.Equal(403, noPreflight.StatusCode);
    }

    [Fact]
    public async Task The_preflight_offers_only_the_methods_that_have_CORS()
    {
        // As Chalice: its deployed mock OPTIONS (chalice/deploy/swagger.py, _add_route_paths) and chalice local
        // (chalice/local.py, _autogen_options_headers) list the CORS-enabled methods, then OPTIONS.
        var preflight = await _client.OptionsAsync("/cors/mixed");
        Assert.Equal("POST,OPTIONS", preflight.Header("Access-Control-Allow-Methods"));
        Assert.Equal("*", preflight.Header("Access-Control-Allow-Origin"));

        Assert.Equal("*", (await _client.PostAsync("/cors/mixed")).Header("Access-Control-Allow-Origin"));
        Assert.Null((await _client.GetAsync("/cors/mixed")).Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Current_request_exposes_the_request()
    {
        var response = await _client.PutAsync("/request?q=1&q=2", Headers(("X-Custom", "yes")), """{"k":"v"}""");
        var json = response.Json!;
        Assert.Equal("PUT", json["method"]!.GetValue<string>());
        Assert.Equal("/request", json["path"]!.GetValue<string>());
        Assert.Equal("1,2", json["query"]!.GetValue<string>());
        Assert.Equal("yes", json["header"]!.GetValue<string>());
        Assert.Equal("v", json["json"]!["k"]!.GetValue<string>());
        Assert.Equal("""{"k":"v"}""", json["text"]!.GetValue<string>());
        Assert.Equal("api", json["stage"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", json["sourceIp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_JSON_under_a_JSON_content_type_is_a_bad_request_when_read()
    {
        var response = await _client.PostAsync("/request", body: "{not json");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"Code":"BadRequestError","Message":"Error Parsing JSON"}""", response.BodyText);

        var notJson = await _client.PostAsync("/request", Headers(("Content-Type", "application/json; charset=utf-8")), "[1]");
        Assert.Equal(200, notJson.StatusCode);
    }

    [Fact]
    public async Task Constructor_and_from_services_resolve_from_the_app_services()
    {
        var response = await _client.GetAsync("/greet/ada");
        Assert.Equal("Hello, ada! (scoped, ada)", response.BodyText);
    }

    [Fact]
    public async Task Test_services_replace_the_apps_own()
    {
        await using var client = ChaliceTestClient.Create<App>(services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IGreeter>(services, new LoudGreeter()));
        Assert.Equal("HI ADA (scoped, ada)", (await client.GetAsync("/greet/ada")).BodyText);
    }

    [Fact]
    public async Task Static_handlers_and_multi_value_response_headers_work()
    {
        Assert.Equal("static", (await _client.GetAsync("/static")).BodyText);
        var cookies = await _client.GetAsync("/cookies");
        Assert.Equal(["a=1", "b=2"], cookies.HeaderValues("Set-Cookie"));
    }

    [Fact]
    public async Task Unknown_route_is_API_Gateway_s_missing_authentication_token()
    {
        var response = await _client.GetAsync("/no/such/route");
        Assert.Equal(403, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Header("x-amzn-ErrorType"));
        Assert.Equal("""{"message":"Missing Authentication Token"}""", response.BodyText);
    }

    [Fact]
    public async Task Concurrent_requests_never_see_each_others_request()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var response = await _client.SendAsync("POST", $"/request?q={i}", null, $"{{\"i\":{i}}}");
            return (i, json: response.Json!);
        }));
        foreach (var (i, json) in results)
        {
            Assert.Equal(i.ToString(), json["query"]!.GetValue<string>());
            Assert.Equal(i, json["json"]!["i"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Dot_segments_are_resolved_before_routing_as_the_gateway_does()
    {
        var response = await _client.GetAsync("/../files/./../users/7");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"id":7,"name":"user7","note":null}""", response.BodyText);
        var eventJson = JsonNode.Parse(_client.CreateEventJson("GET", "/users/x/../8")!)!;
        Assert.Equal("/users/8", eventJson["path"]!.GetValue<string>());
    }

    private sealed class LoudGreeter : IGreeter
    {
        public string Greet(string name) => $"HI {name.ToUpperInvariant()}";
    }
}
