using System.Text.Json.Nodes;
using Chalice.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ComposedAppClass = Chalice.ComposedApp.App;

namespace Chalice.Tests;

/// <summary>
/// The middleware of tests/TestApps/ComposedApp through the test client (the same event JSON and dispatcher as the
/// deployed function): order, short-circuits, replaced requests, responses, events and results, mapped and escaping
/// exceptions, and services scoped to one invocation.
/// </summary>
public sealed class ComposedAppMiddlewareTests : IAsyncLifetime
{
    private readonly RecordingLoggerProvider _log = new();
    private ChaliceTestClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = ChaliceTestClient.Create<ComposedAppClass>(services => services.AddSingleton<ILoggerProvider>(_log));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Middleware_runs_in_registration_order_the_app_classes_in_declaration_order_then_the_blueprints()
    {
        var response = await _client.GetAsync("/trail");

        Assert.Equal(200, response.StatusCode);
        // all (declared first), MapDomainErrors, Gate, then DefaultLanguage and Shout (which write nothing), then
        // OrdersApi's RequestId; the handler last. One InvocationTrail: scoped services are shared by one invocation.
        Assert.Equal("""["all (http)","map-errors","gate","handler"]""", response.BodyText);
        // The blueprint's middleware ran too, after the app's: it sets the header on the way out.
        Assert.NotNull(response.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Each_invocation_has_its_own_scoped_services()
    {
        var first = await _client.GetAsync("/trail");
        var second = await _client.GetAsync("/trail");

        Assert.Equal(first.BodyText, second.BodyText);
    }

    [Fact]
    public async Task A_middleware_that_answers_itself_short_circuits_and_the_handler_never_runs()
    {
        var blocked = await _client.GetAsync("/guarded", [new("X-Block", "yes")]);

        Assert.Equal(403, blocked.StatusCode);
        Assert.Equal("""{"blocked":true}""", blocked.BodyText);
        Assert.DoesNotContain(_log.Entries, e => e.Message == "The guarded handler ran");

        var allowed = await _client.GetAsync("/guarded");
        Assert.Equal("guarded handler ran", allowed.BodyText);
        Assert.Contains(_log.Entries, e => e.Message == "The guarded handler ran");
    }

    [Fact]
    public async Task A_middleware_replaces_the_response()
    {
        var plain = await _client.GetAsync("/greeting", [new("Accept-Language", "fr")]);
        var shouted = await _client.GetAsync("/greeting?shout=1", [new("Accept-Language", "fr")]);

        Assert.Equal("hello (fr)", plain.BodyText);
        Assert.Equal("HELLO (FR)", shouted.BodyText);
        Assert.Equal(200, shouted.StatusCode);
    }

    [Fact]
    public async Task A_middleware_replaces_the_request_the_handler_binds_from()
    {
        // Without the middleware the required header would be missing: a 400 naming it.
        var response = await _client.GetAsync("/greeting");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("hello (en)", response.BodyText);
    }

    [Fact]
    public async Task A_domain_exception_mapped_by_a_middleware_is_a_409_in_Chalices_error_form()
    {
        var response = await _client.GetAsync("/orders/sold-out");

        Assert.Equal(409, response.StatusCode);
        Assert.Equal("""{"Code":"ConflictError","Message":"sold-out is out of stock"}""", response.BodyText);
        Assert.Contains(_log.Entries, e => e is { Level: LogLevel.Warning, Message: "Out of stock: sold-out" });
    }

    [Fact]
    public async Task An_exception_no_middleware_maps_is_a_500_as_without_middleware()
    {
        var response = await _client.GetAsync("/orders/broken");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"Code":"InternalServerError","Message":"An internal server error occurred."}""", response.BodyText);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException { Message: "The order store is down" });
    }

    [Fact]
    public async Task Middleware_sees_the_responses_the_app_answers_without_its_handler()
    {
        // A body of a type the route does not take is answered inside the pipeline (415), as Chalice's middleware sees it.
        var response = await _client.PostAsync("/users/", [new("Content-Type", "text/plain")], "Ada");

        Assert.Equal(415, response.StatusCode);
        Assert.NotNull(response.Header("X-Request-Id"));
    }

    [Fact]
    public async Task SQS_middleware_sees_the_batch_replaces_the_event_and_the_result()
    {
        var batch = _client.Events.Sqs(["one", "poison", "two fail", "three"], "orders");

        var response = await _client.Lambda.InvokeAsync("orders_Process", batch);

        // The handler throws if it sees the poison; it fails "two fail", the middleware adds the poison.
        Assert.Null(response.FunctionError);
        Assert.Equal(
            $$"""{"batchItemFailures":[{"itemIdentifier":"{{batch.Records[2].MessageId}}"},{"itemIdentifier":"{{batch.Records[1].MessageId}}"}]}""",
            response.PayloadText);
        Assert.Contains(_log.Entries, e => e.Message == "A batch of 4 messages, 1 poison");
    }

    [Fact]
    public async Task Pure_function_middleware_wraps_the_result_with_the_invocations_scoped_services()
    {
        var response = await _client.Lambda.InvokeAsync("users_lookup", """{"id":"u-1"}""");

        Assert.Null(response.FunctionError);
        // 'all' then 'pure_lambda' middleware, then the handler: one InvocationTrail, shared within the invocation.
        Assert.Equal("""{"id":"u-1","name":"Ada","trail":["all","pure_lambda","handler"]}""", response.PayloadText);
    }

    [Fact]
    public async Task A_converted_function_style_wrapper_wraps_the_schedules_and_no_other_kind()
    {
        // admin_Nightly is a schedule: the 'all' middleware and the scheduled ConvertToMiddleware wrap it (sqs and
        // pure_lambda middleware, which would fail on its event or stamp its result, do not).
        var response = await _client.Lambda.InvokeAsync("admin_Nightly", _client.Events.Schedule("composedapp-dev-admin_Nightly"));

        Assert.Null(response.FunctionError);
        Assert.Equal("""{"audited":"composedapp-admin_Nightly","event":"EventBridgeEvent","result":null}""", response.PayloadText);

        var lookup = await _client.Lambda.InvokeAsync("users_lookup", """{"id":"u-1"}""");
        Assert.DoesNotContain("audited", lookup.PayloadText);
    }
}
