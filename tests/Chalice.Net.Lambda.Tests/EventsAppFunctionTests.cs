using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Local.Lambda;
using Chalice.Testing;

namespace Chalice.Lambda.Tests;

/// <summary>
/// tests/TestApps/EventsApp (one function of every kind) as its published Native AOT bootstrap: one package, each
/// function selected by the handler setting (or CHALICE_FUNCTION), driven through a local Runtime API with the same
/// event JSON the test client sends; the results are byte for byte the test client's.
/// </summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class EventsAppFunctionTests(LambdaPackages packages)
{
    private static readonly EventBuilder s_events = new();

    /// <summary>Each function with an event of its source; <c>settings</c> answers with its environment, so it is checked apart.</summary>
    private static IEnumerable<(string Function, byte[] Payload)> Invocations()
    {
        yield return ("every_five_minutes", LambdaEventJson.Serialize(s_events.Schedule("eventsapp-dev-every_five_minutes")));
        yield return ("Nightly", LambdaEventJson.Serialize(s_events.Schedule("eventsapp-dev-Nightly")));
        yield return ("Resize", LambdaEventJson.Serialize(s_events.S3("uploads", "photos/my summer café 🌴.jpg")));
        yield return ("ProcessOrders", LambdaEventJson.Serialize(s_events.Sqs(["one", "two fail", "three", "four fail"], "orders")));
        yield return ("alert", LambdaEventJson.Serialize(s_events.Sns("disk full", "ops", "alerts")));
        yield return ("InstanceStopped", LambdaEventJson.Serialize(s_events.EventBridge(
            "aws.ec2", "EC2 Instance State-change Notification", new JsonObject { ["instance-id"] = "i-0abc", ["state"] = "stopped" })));
        yield return ("Clicks", LambdaEventJson.Serialize(s_events.Kinesis(["click", "bad click"], "clicks")));
        yield return ("OrderChanges", LambdaEventJson.Serialize(s_events.DynamoDB("REMOVE", new JsonObject { ["id"] = "o-1" }, oldImage: new JsonObject { ["id"] = "o-1" })));
        yield return ("add", """{"a":2,"b":40}"""u8.ToArray());
        yield return ("Describe", """{"x":1,"y":[true]}"""u8.ToArray());
    }

    [Fact]
    public async Task Every_function_answers_byte_for_byte_as_the_test_client_does()
    {
        var package = await packages.EventsAppAot;
        var folder = LambdaPackages.Extract(package);
        await using var client = ChaliceTestClient.Create<EventsApp.App>();

        foreach (var (function, payload) in Invocations())
        {
            await using var runtime = await LocalRuntimeApi.StartAsync();
            using var process = Start(folder, package.Handler, runtime, function);

            var result = await runtime.InvokeAsync(payload).WaitAsync(TimeSpan.FromSeconds(30));

            var expected = await client.Lambda.InvokeAsync(function, payload);
            Assert.True(!result.IsError && expected.FunctionError is null, $"{function}: {Encoding.UTF8.GetString(result.Body)} / {expected}");
            Assert.Equal(expected.PayloadText, Encoding.UTF8.GetString(result.Body));
            Assert.False(process.HasExited, function);
        }
    }

    [Fact]
    public async Task A_key_with_spaces_and_UTF8_arrives_decoded_and_an_SQS_handler_fails_exactly_the_messages_it_reports()
    {
        var package = await packages.EventsAppAot;
        var folder = LambdaPackages.Extract(package);

        await using (var runtime = await LocalRuntimeApi.StartAsync())
        {
            using var resize = Start(folder, package.Handler, runtime, "Resize");
            var upload = s_events.S3("uploads", "photos/my summer café 🌴.jpg");
            Assert.Equal("photos/my+summer+caf%C3%A9+%F0%9F%8C%B4.jpg", upload.Records[0].S3.Object.Key);

            var result = await runtime.InvokeAsync(LambdaEventJson.Serialize(upload)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal("null", Encoding.UTF8.GetString(result.Body));
            var line = Assert.Single(await resize.WaitForOutputAsync(l => l.Contains("Resize saw", StringComparison.Ordinal)));
            Assert.EndsWith("\tinfo\tResize saw ObjectCreated:Put uploads/photos/my summer café 🌴.jpg in eventsapp-dev-Resize", line);
        }

        await using (var runtime = await LocalRuntimeApi.StartAsync())
        {
            using var orders = Start(folder, package.Handler, runtime, "ProcessOrders");
            var batch = s_events.Sqs(["one", "two fail", "three", "four fail", "five"], "orders");

            var result = await runtime.InvokeAsync(LambdaEventJson.Serialize(batch)).WaitAsync(TimeSpan.FromSeconds(30));

            var failures = LambdaEventJson.Parse<BatchResponse>(result.Body).BatchItemFailures.Select(f => f.ItemIdentifier);
            Assert.Equal([batch.Records[1].MessageId, batch.Records[3].MessageId], failures);
        }
    }

    [Fact]
    public async Task An_event_that_does_not_fit_is_the_invocations_error_and_the_function_keeps_serving()
    {
        var package = await packages.EventsAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var process = Start(LambdaPackages.Extract(package), package.Handler, runtime, "Resize");

        var wrong = await runtime.InvokeAsync(LambdaEventJson.Serialize(s_events.Sqs("not an upload"))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(wrong.IsError);
        Assert.Equal("InvalidEventException", wrong.ErrorType);
        var error = JsonNode.Parse(wrong.Body)!;
        Assert.StartsWith("The function 'Resize' expects an S3 event notification (Records[].eventSource = aws:s3); the payload is not one:",
            error["errorMessage"]!.GetValue<string>());

        var right = await runtime.InvokeAsync(LambdaEventJson.Serialize(s_events.S3("uploads", "photos/a.jpg"))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(right.IsError);
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_invocation_as_the_test_client_reports_it()
    {
        var package = await packages.EventsAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var process = Start(LambdaPackages.Extract(package), package.Handler, runtime, "Explode");
        await using var client = ChaliceTestClient.Create<EventsApp.App>();

        var result = await runtime.InvokeAsync("{}"u8.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));
        var expected = await client.Lambda.InvokeAsync("Explode");

        Assert.True(result.IsError);
        Assert.Equal("InvalidOperationException", result.ErrorType);
        var (error, local) = (JsonNode.Parse(result.Body)!, expected.Json!);
        Assert.Equal(local["errorType"]!.GetValue<string>(), error["errorType"]!.GetValue<string>());
        Assert.Equal(local["errorMessage"]!.GetValue<string>(), error["errorMessage"]!.GetValue<string>());
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task The_managed_runtimes_assembly_handler_with_chalice_function_runs_that_function()
    {
        // dotnet10's executable-assembly mode requires the handler to be the assembly; CHALICE_FUNCTION names the function.
        var package = await packages.EventsAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var process = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address, new Dictionary<string, string>
        {
            ["_HANDLER"] = "EventsApp",
            ["CHALICE_FUNCTION"] = "settings",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "eventsapp-prod-settings",
            ["EVENTSAPP_GREETING"] = "hello",
        });

        var result = await runtime.InvokeAsync("{}"u8.ToArray()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("\"hello from eventsapp-prod-settings with 256 MB\"", Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task A_handler_that_names_no_function_is_an_init_error_naming_the_functions()
    {
        var package = await packages.EventsAppAot;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var process = Start(LambdaPackages.Extract(package), package.Handler, runtime, "resize");

        var initError = await runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("UnknownFunctionException", initError.ErrorType);
        Assert.Equal(
            "The handler 'resize' names no function of the app 'eventsapp'; its functions are api_handler, every_five_minutes, Nightly, Resize, " +
            "ProcessOrders, alert, InstanceStopped, Clicks, OrderChanges, add, Describe, settings, Explode.",
            JsonNode.Parse(initError.Body)!["errorMessage"]!.GetValue<string>());
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.NotEqual(0, process.ExitCode);
    }

    [Fact]
    public async Task The_API_keeps_API_handler_and_the_bootstrap_handler()
    {
        var package = await packages.EventsAppAot;
        await using var client = ChaliceTestClient.Create<EventsApp.App>();
        var request = client.CreateEventJson("GET", "/")!;
        foreach (var handler in new[] { "api_handler", "bootstrap" })
        {
            await using var runtime = await LocalRuntimeApi.StartAsync();
            using var process = Start(LambdaPackages.Extract(package), package.Handler, runtime, handler);

            var result = await runtime.InvokeAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal("eventsapp", JsonNode.Parse(result.Body)!["body"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_native_AOT_build_has_no_trim_or_AOT_warnings() =>
        Assert.Empty((await packages.EventsAppAot).BuildWarnings);

    /// <summary>Starts the package as the Lambda function of <paramref name="function"/>, whose handler setting names it.</summary>
    private static FunctionProcess Start(string folder, string packageHandler, LocalRuntimeApi runtime, string function) =>
        FunctionProcess.Start(folder, packageHandler, runtime.Address, new Dictionary<string, string>
        {
            ["_HANDLER"] = function,
            ["AWS_LAMBDA_FUNCTION_NAME"] = $"eventsapp-dev-{function}",
        });
}
