using Chalice.Local.Lambda;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Hosting;
using Chalice.Tests;

namespace Chalice.Lambda.Tests;

/// <summary>The published Native AOT bootstrap of the acceptance app, driven through the Lambda Runtime API.</summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class NativeAotFunctionTests(LambdaPackages packages)
{
    [Fact]
    public async Task Hundred_recorded_events_get_the_responses_the_in_process_dispatcher_gives()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);
        await using var reference = ChaliceApplication.Create<Chalice.TestApp.App>();

        var recorded = RecordedEvents.Load();
        for (var i = 0; i < 100; i++)
        {
            var (_, apiType, template) = recorded[i % recorded.Count];
            var payload = Encoding.UTF8.GetBytes(GetUser(template, apiType, id: i).ToJsonString());

            var result = await runtime.InvokeAsync(payload).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.False(result.IsError, Encoding.UTF8.GetString(result.Body));
            var expected = await reference.Dispatcher.DispatchAsync(payload);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(result.Body));
            var response = JsonNode.Parse(result.Body)!;
            Assert.Equal(200, response["statusCode"]!.GetValue<int>());
            Assert.Equal($$"""{"id":{{i}},"name":"user{{i}}","note":null}""", response["body"]!.GetValue<string>());
        }
        Assert.False(function.HasExited);
    }

    [Fact]
    public async Task A_function_failure_is_posted_to_error_with_type_message_and_stack_trace()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);

        var notAnEvent = await runtime.InvokeAsync("""{"detail-type":"Scheduled Event"}"""u8.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(notAnEvent.IsError);
        Assert.Equal("InvalidProxyEventException", notAnEvent.ErrorType);
        var error = JsonNode.Parse(notAnEvent.Body)!;
        Assert.Equal("InvalidProxyEventException", error["errorType"]!.GetValue<string>());
        Assert.Contains("not an API Gateway proxy event", error["errorMessage"]!.GetValue<string>());
        Assert.IsType<JsonArray>(error["stackTrace"]);

        var unencodable = await runtime.InvokeAsync(RestEvent("GET", "/unencodable")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(unencodable.IsError);
        var encodingError = JsonNode.Parse(unencodable.Body)!;
        Assert.Equal("InvalidOperationException", encodingError["errorType"]!.GetValue<string>());
        Assert.Contains("has no JSON metadata", encodingError["errorMessage"]!.GetValue<string>());
        Assert.NotEmpty(encodingError["stackTrace"]!.AsArray());

        // A handler exception is the app's business: Chalice's 500 response, not a function error.
        var crash = await runtime.InvokeAsync(RestEvent("GET", "/crash")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(crash.IsError);
        Assert.Equal(500, JsonNode.Parse(crash.Body)!["statusCode"]!.GetValue<int>());
        Assert.False(function.HasExited);
    }

    [Fact]
    public async Task A_start_up_failure_is_posted_to_init_error_and_the_process_exits()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address,
            new Dictionary<string, string> { ["TESTAPP_FAIL_INIT"] = "the database is unreachable" });

        var initError = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));
        var error = JsonNode.Parse(initError.Body)!;
        Assert.Equal("InvalidOperationException", error["errorType"]!.GetValue<string>());
        Assert.Equal("the database is unreachable", error["errorMessage"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", initError.ErrorType);
        Assert.True(await function.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.NotEqual(0, function.ExitCode);
    }

    [Fact]
    public async Task The_handler_sees_the_deadline_and_the_invocation_context()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);

        var result = await runtime.InvokeAsync(RestEvent("GET", "/lambda-context"), new InvocationHeaders(
            Deadline: deadline,
            TraceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
            ClientContext: """{"client":{"app_title":"t"}}""",
            CognitoIdentity: """{"cognitoIdentityId":"id"}"""), requestId: "req-42").WaitAsync(TimeSpan.FromSeconds(30));

        var context = JsonNode.Parse(JsonNode.Parse(result.Body)!["body"]!.GetValue<string>())!;
        Assert.Equal("req-42", context["requestId"]!.GetValue<string>());
        Assert.Equal(deadline.ToUnixTimeMilliseconds(), context["deadline"]!.GetValue<long>());
        var remaining = context["remainingMs"]!.GetValue<double>();
        Assert.InRange(remaining, 1, 5000);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:testapp-dev", context["functionArn"]!.GetValue<string>());
        Assert.Equal("testapp-dev", context["functionName"]!.GetValue<string>());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", context["traceId"]!.GetValue<string>());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", context["traceEnv"]!.GetValue<string>());
        Assert.Equal("""{"client":{"app_title":"t"}}""", context["clientContext"]!.GetValue<string>());
        Assert.Equal("""{"cognitoIdentityId":"id"}""", context["cognitoIdentity"]!.GetValue<string>());
    }

    /// <summary>
    /// Lambda's default text format, as the managed .NET runtime writes it: timestamp, request id, the console logger's
    /// level label, message (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/DefaultLogMessageFormatter.cs).
    /// </summary>
    [Fact]
    public async Task Handler_logs_go_to_stdout_with_the_request_id()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);

        await runtime.InvokeAsync(RestEvent("GET", "/log/hello-from-the-handler"), requestId: "log-req-7").WaitAsync(TimeSpan.FromSeconds(30));

        var line = Assert.Single(await function.WaitForOutputAsync(l => l.Contains("hello-from-the-handler")));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tlog-req-7\tinfo\thello-from-the-handler$", line);
    }

    /// <summary>
    /// AWS_LAMBDA_LOG_FORMAT=JSON: one object per entry with timestamp, level, requestId, traceId, message, the template's
    /// values and the exception, as the managed .NET runtime writes them
    /// (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/Logging/JsonLogMessageFormatter.cs);
    /// AWS_LAMBDA_LOG_LEVEL=WARN keeps warnings and above
    /// (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html).
    /// </summary>
    [Fact]
    public async Task JSON_logs_carry_the_invocation_field_by_field_at_or_above_the_configured_level()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address,
            new Dictionary<string, string> { ["AWS_LAMBDA_LOG_FORMAT"] = "JSON", ["AWS_LAMBDA_LOG_LEVEL"] = "WARN" });
        const string traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var result = await runtime.InvokeAsync(RestEvent("GET", "/log-levels/json-run"), new InvocationHeaders(TraceId: traceId), requestId: "json-req-1")
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(result.IsError);

        var lines = await function.WaitForOutputAsync(l => l.Contains("json-run"), count: 4);
        var entries = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(["Warning", "Error", "Critical", "Error"], entries.Select(e => e["level"]!.GetValue<string>()));
        foreach (var entry in entries)
        {
            var timestamp = entry["timestamp"]!.GetValue<string>();
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", timestamp);
            Assert.InRange(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal("json-req-1", entry["requestId"]!.GetValue<string>());
            Assert.Equal(traceId, entry["traceId"]!.GetValue<string>());
        }

        var warning = entries[0];
        Assert.Equal(["timestamp", "level", "requestId", "traceId", "message", "Tag", "Level", "Count"], warning.Select(m => m.Key));
        Assert.Equal("json-run at Warning with 0 items", warning["message"]!.GetValue<string>());
        Assert.Equal("json-run", warning["Tag"]!.GetValue<string>());
        Assert.Equal("Warning", warning["Level"]!.GetValue<string>());
        Assert.Equal(0, warning["Count"]!.GetValue<int>());

        var failure = entries[3];
        Assert.Equal("json-run failed", failure["message"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", failure["errorType"]!.GetValue<string>());
        Assert.Equal("the disk is full", failure["errorMessage"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException: the disk is full", failure["stackTrace"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_logs_honour_the_configured_level_too()
    {
        var package = await packages.TestAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address,
            new Dictionary<string, string> { ["AWS_LAMBDA_LOG_LEVEL"] = "ERROR" });

        await runtime.InvokeAsync(RestEvent("GET", "/log-levels/text-run"), requestId: "text-req-1").WaitAsync(TimeSpan.FromSeconds(30));

        var lines = await function.WaitForOutputAsync(l => l.Contains("text-run"), count: 3);
        Assert.Equal(
            ["text-req-1\tfail\ttext-run at Error with 0 items", "text-req-1\tcrit\ttext-run at Critical with 0 items", "text-req-1\tfail\ttext-run failed"],
            lines.Select(l => l[(l.IndexOf('\t') + 1)..]));
        // The exception's text follows the message on the next lines.
        Assert.Contains(function.Output, l => l == "System.InvalidOperationException: the disk is full");
    }

    [Fact]
    public async Task A_lost_runtime_API_is_retried_briefly_then_the_process_exits_non_zero()
    {
        var package = await packages.TestAppAot;
        var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);
        await runtime.InvokeAsync(RestEvent("GET", "/static")).WaitAsync(TimeSpan.FromSeconds(30));

        await runtime.DisposeAsync();

        Assert.True(await function.WaitForExitAsync(TimeSpan.FromSeconds(15)), "the function kept running without a Runtime API");
        Assert.NotEqual(0, function.ExitCode);
        Assert.Contains(function.Output, l => l.Contains("Lost the Lambda Runtime API"));
    }

    /// <summary>A recorded event, re-aimed at <c>GET /users/{id}</c> with everything else as the real gateway sent it.</summary>
    private static JsonObject GetUser(JsonObject recorded, string apiType, int id)
    {
        var e = (JsonObject)recorded.DeepClone();
        var path = $"/users/{id}";
        e["pathParameters"] = new JsonObject { ["id"] = id.ToString() };
        e["body"] = null;
        e["isBase64Encoded"] = false;
        if (apiType == "httpv2")
        {
            e["routeKey"] = "GET /users/{id}";
            e["rawPath"] = path;
            e["requestContext"]!["routeKey"] = "GET /users/{id}";
            e["requestContext"]!["http"]!["method"] = "GET";
            e["requestContext"]!["http"]!["path"] = path;
        }
        else
        {
            e["resource"] = "/users/{id}";
            e["path"] = path;
            e["httpMethod"] = "GET";
            e["requestContext"]!["resourcePath"] = "/users/{id}";
            e["requestContext"]!["httpMethod"] = "GET";
        }
        return e;
    }

    private static byte[] RestEvent(string method, string path) => ProxyEventJson.Serialize(new ApiGatewayProxyRequest
    {
        Resource = path,
        Path = path,
        HttpMethod = method,
        RequestContext = new ProxyRequestContext { ResourcePath = path, HttpMethod = method, Stage = "api" },
    });
}
