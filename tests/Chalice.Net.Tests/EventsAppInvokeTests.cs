using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.EventsApp;
using Chalice.Functions;
using Chalice.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Tests;

/// <summary>
/// The functions of tests/TestApps/EventsApp (one of every kind) invoked by name through the test client, with the
/// events its builder makes: the same JSON and dispatcher as the deployed functions.
/// </summary>
public sealed class EventsAppInvokeTests : IAsyncLifetime
{
    private readonly RecordingSeen _seen = new();
    private ChaliceTestClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = ChaliceTestClient.Create<App>(services => services.AddSingleton<ISeen>(_seen));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Theory]
    [InlineData("photos/my summer café 🌴.jpg")]
    [InlineData("photos/50% off + more (1).jpg")]
    [InlineData("photos/year=2024/a&b.jpg")]
    public async Task A_key_with_spaces_and_UTF8_arrives_decoded(string key)
    {
        var upload = _client.Events.S3("uploads", key);
        Assert.NotEqual(key, upload.Records[0].S3.Object.Key); // on the wire it is URL-encoded, as S3 sends it

        var response = await _client.Lambda.InvokeAsync("Resize", upload);

        Assert.Null(response.FunctionError);
        Assert.Equal("null", response.PayloadText);
        Assert.Equal(("Resize", $"ObjectCreated:Put uploads/{key} in eventsapp-Resize"), Assert.Single(_seen.Seen));
    }

    [Fact]
    public async Task An_SQS_handler_that_reports_two_failures_returns_exactly_those_two_ids()
    {
        var batch = _client.Events.Sqs(["order 1", "order 2 fail", "order 3", "order 4 fail", "order 5"], "orders");

        var response = await _client.Lambda.InvokeAsync("ProcessOrders", batch);

        Assert.Null(response.FunctionError);
        var failed = response.Json!["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>());
        Assert.Equal([batch.Records[1].MessageId, batch.Records[3].MessageId], failed);
        // AWS's form: shared/fixtures/events/aws-lambda-dotnet/sqs-response.json.
        Assert.Equal(
            $$"""{"batchItemFailures":[{"itemIdentifier":"{{batch.Records[1].MessageId}}"},{"itemIdentifier":"{{batch.Records[3].MessageId}}"}]}""",
            response.PayloadText);
    }

    [Fact]
    public async Task Every_kind_of_event_reaches_its_handler()
    {
        await Ok(await _client.Lambda.InvokeAsync("every_five_minutes", _client.Events.Schedule("eventsapp-dev-every_five_minutes")));
        await Ok(await _client.Lambda.InvokeAsync("Nightly", _client.Events.Schedule()));
        await Ok(await _client.Lambda.InvokeAsync("alert", _client.Events.Sns("disk full", "ops", "alerts")));
        await Ok(await _client.Lambda.InvokeAsync("InstanceStopped", _client.Events.EventBridge(
            "aws.ec2", "EC2 Instance State-change Notification", new JsonObject { ["instance-id"] = "i-0abc", ["state"] = "stopped" })));

        Assert.Equal(
        [
            ("every_five_minutes", "Scheduled Event from aws.events for arn:aws:events:us-east-1:123456789012:rule/eventsapp-dev-every_five_minutes"),
            ("Nightly", "ran"),
            ("alert", "ops: disk full"),
            ("InstanceStopped", "i-0abc is stopped"),
        ], _seen.Seen);

        static Task Ok(InvokeResponse response)
        {
            Assert.True(response.FunctionError is null, response.ToString());
            Assert.Equal("null", response.PayloadText);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Stream_handlers_report_their_failed_records_by_sequence_number()
    {
        var clicks = _client.Events.Kinesis(["click", "bad click", "click"], "clicks");
        var kinesis = await _client.Lambda.InvokeAsync("Clicks", clicks);
        Assert.Equal($$"""{"batchItemFailures":[{"itemIdentifier":"{{clicks.Records[1].Kinesis.SequenceNumber}}"}]}""", kinesis.PayloadText);

        var removal = _client.Events.DynamoDB("REMOVE", new JsonObject { ["id"] = "o-1" }, oldImage: new JsonObject { ["id"] = "o-1", ["total"] = 12.5 }, table: "orders");
        var dynamoDB = await _client.Lambda.InvokeAsync("OrderChanges", removal);
        Assert.Equal($$"""{"batchItemFailures":[{"itemIdentifier":"{{removal.Records[0].DynamoDB.SequenceNumber}}"}]}""", dynamoDB.PayloadText);

        var insert = await _client.Lambda.InvokeAsync("OrderChanges", _client.Events.DynamoDB("INSERT", new JsonObject { ["id"] = "o-2" }, new JsonObject { ["id"] = "o-2" }));
        Assert.Equal("""{"batchItemFailures":[]}""", insert.PayloadText);
    }

    [Fact]
    public async Task Pure_functions_take_and_return_JSON_through_the_apps_context()
    {
        Assert.Equal("""{"total":5,"expression":"2 + 3"}""", (await _client.Lambda.InvokeAsync("add", """{"a":2,"b":3}""")).PayloadText);
        Assert.Equal("""{"total":7,"expression":"3 + 4"}""", (await _client.Lambda.InvokeAsync("add", new Numbers(3, 4))).PayloadText);
        Assert.Equal("""{"kind":"Object","members":0,"deadlineAhead":true}""", (await _client.Lambda.InvokeAsync("Describe")).PayloadText);
        Assert.Equal("""{"kind":"Array","members":0,"deadlineAhead":true}""", (await _client.Lambda.InvokeAsync("Describe", "[1,2]")).PayloadText);
        Assert.Equal("""{"kind":"Null","members":0,"deadlineAhead":true}""", (await _client.Lambda.InvokeAsync("Describe", "null")).PayloadText);
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_invocation_with_lambdas_error_document()
    {
        var response = await _client.Lambda.InvokeAsync("Explode");

        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Equal("InvalidOperationException", response.Json!["errorType"]!.GetValue<string>());
        Assert.Equal("the warehouse is on fire", response.Json["errorMessage"]!.GetValue<string>());
        Assert.Contains(response.Json["stackTrace"]!.AsArray(), frame => frame!.GetValue<string>().Contains("App.Explode", StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(response.Exception);
    }

    [Fact]
    public async Task An_event_of_another_source_fails_the_invocation_saying_what_the_function_expects()
    {
        var response = await _client.Lambda.InvokeAsync("Resize", _client.Events.Sqs("not an upload"));

        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Equal("InvalidEventException", response.Json!["errorType"]!.GetValue<string>());
        Assert.StartsWith(
            "The function 'Resize' expects an S3 event notification (Records[].eventSource = aws:s3); the payload is not one:",
            response.Json["errorMessage"]!.GetValue<string>());
        Assert.Empty(_seen.Seen);
    }

    [Theory]
    [InlineData("ProcessOrders", """{"Records":[{"messageId":"1","receiptHandle":"r","body":"b","eventSource":"aws:kinesis"}]}""", "a record's event source is 'aws:kinesis'.")]
    [InlineData("add", """{"a":"two"}""", "The function 'add' cannot read its input from the payload: The JSON value could not be converted to")]
    public async Task What_does_not_fit_is_named(string function, string payload, string problem)
    {
        var response = await _client.Lambda.InvokeAsync(function, payload);

        Assert.Equal("InvalidEventException", response.Json!["errorType"]!.GetValue<string>());
        Assert.Contains(problem, response.Json["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_name_or_a_payload_that_is_not_JSON_is_the_callers_mistake()
    {
        var unknown = await Assert.ThrowsAsync<UnknownFunctionException>(() => _client.Lambda.InvokeAsync("resize"));
        Assert.Equal(
            "'resize' names no function of the app 'eventsapp'; its functions are api_handler, every_five_minutes, Nightly, Resize, ProcessOrders, " +
            "alert, InstanceStopped, Clicks, OrderChanges, add, Describe, settings, Explode.",
            unknown.Message);

        var notJson = await Assert.ThrowsAsync<InvalidEventException>(() => _client.Lambda.InvokeAsync("add", "{\"a\":"));
        Assert.StartsWith("The payload is not JSON, which Lambda refuses", notJson.Message);
    }

    [Fact]
    public async Task The_API_is_the_API_handler_function()
    {
        var response = await _client.Lambda.InvokeAsync("api_handler", _client.CreateEventJson("GET", "/")!);

        Assert.Equal(200, response.Json!["statusCode"]!.GetValue<int>());
        Assert.Equal("eventsapp", response.Json["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sample_event_of_every_function_fits_it_and_carries_its_source_settings()
    {
        foreach (var function in _client.Application.Definition.Functions)
        {
            var sample = _client.Events.SampleFor(function, "eventsapp");
            var response = await _client.Lambda.InvokeAsync(function.Name, sample);
            Assert.True(response.FunctionError is null || function.Name == "Explode", $"{function.Name}: {response}");
        }

        Assert.Contains(("Resize", "ObjectCreated:Put uploads/photos/sample.jpg in eventsapp-Resize"), _seen.Seen);
        Assert.Contains(("alert", "sample subject: sample message"), _seen.Seen);
        // Built from the pattern: its source, detail type and the detail's first accepted value.
        Assert.Contains(("InstanceStopped", " is stopped"), _seen.Seen);
        Assert.Contains(("every_five_minutes", "Scheduled Event from aws.events for arn:aws:events:us-east-1:123456789012:rule/eventsapp-dev-every_five_minutes"), _seen.Seen);
    }

    private sealed class RecordingSeen : ISeen
    {
        private readonly ConcurrentQueue<(string, string)> _seen = new();

        public IReadOnlyList<(string Function, string What)> Seen => [.. _seen];

        public void Saw(string function, string what) => _seen.Enqueue((function, what));
    }
}
