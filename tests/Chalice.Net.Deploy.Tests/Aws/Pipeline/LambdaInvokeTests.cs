using System.Net;
using System.Text;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Lambda;
using Chalice.Deploy.Aws.Signing;
using Chalice.Deploy.Tests.Aws.Model;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>
/// The client <c>chalice-net invoke</c> calls, against handlers that answer Lambda's <c>Invoke</c> as AWS does
/// (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html): moto cannot invoke a function, it needs Docker to
/// run one, which this machine does not have. A synchronous invocation answers 200 whether the function succeeded or
/// not; a failure is told by <c>X-Amz-Function-Error</c> and an error document as the payload; <c>X-Amz-Log-Result</c>
/// carries the end of the log, base64; throttling is 429 TooManyRequestsException.
/// </summary>
public sealed class LambdaInvokeTests
{
    private const string Json = "application/json";

    private readonly List<TimeSpan> _delays = [];
    private readonly AwsCallRecorder _recorder = new();

    private AwsClients Clients(HttpMessageHandler handler, AwsRetryOptions? retry = null, Uri? endpoint = null) =>
        new(new AwsSettings(new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")), "us-east-1", endpoint), new AwsClientOptions
        {
            HttpHandler = handler,
            Observer = _recorder,
            Retry = retry ?? new AwsRetryOptions(),
            Random = new Random(7),
            Delay = (delay, _) =>
            {
                _delays.Add(delay);
                return Task.CompletedTask;
            },
        });

    [Fact]
    public async Task A_successful_invocation_returns_the_functions_payload()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, """{"statusCode":200,"body":"hello"}""", Json,
            ("X-Amz-Executed-Version", "$LATEST"), ("x-amzn-RequestId", "req-1"));
        using var clients = Clients(handler);

        var result = await clients.LambdaInvoker.InvokeAsync(
            new InvokeRequest { FunctionName = "app-dev-worker", Payload = """{"name":"Ada"}"""u8.ToArray() }, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("""{"statusCode":200,"body":"hello"}""", result.PayloadText);
        Assert.Null(result.FunctionError);
        Assert.Null(result.Error);
        Assert.Null(result.LogTail);
        Assert.Equal("$LATEST", result.ExecutedVersion);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/2015-03-31/functions/app-dev-worker/invocations", request.Uri.AbsolutePath);
        Assert.Equal("""{"name":"Ada"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("RequestResponse", request.Headers["X-Amz-Invocation-Type"]);
        Assert.False(request.Headers.ContainsKey("X-Amz-Log-Type"));
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task A_function_error_is_an_answer_with_the_error_type_and_message()
    {
        // What a runtime reports through the Runtime API's /error, which Lambda returns as the payload (AWS-OFFLINE.md).
        const string error = """{"errorType":"System.InvalidOperationException","errorMessage":"No such order: 42","stackTrace":["at App.Orders.Get(Int32 id)","at App.Handler()"]}""";
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, error, Json, ("X-Amz-Function-Error", "Unhandled"), ("X-Amz-Executed-Version", "$LATEST"));
        using var clients = Clients(handler);

        var result = await clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("System.InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("No such order: 42", result.Error.ErrorMessage);
        Assert.Equal(["at App.Orders.Get(Int32 id)", "at App.Handler()"], result.Error.StackTrace);
        Assert.Equal(1, _recorder.MutatingCalls);
    }

    [Fact]
    public async Task A_function_error_whose_payload_is_not_an_error_document_keeps_the_text()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "Task timed out after 3.00 seconds", "text/plain", ("X-Amz-Function-Error", "Unhandled"));
        using var clients = Clients(handler);

        var result = await clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken);

        Assert.Equal("Unhandled", result.Error!.ErrorType);
        Assert.Equal("Task timed out after 3.00 seconds", result.Error.ErrorMessage);
        Assert.Empty(result.Error.StackTrace);
    }

    [Fact]
    public async Task The_log_tail_is_asked_for_and_decoded()
    {
        const string log = "START RequestId: 8f5e Version: $LATEST\nprocessing order 42 – café\nEND RequestId: 8f5e\nREPORT RequestId: 8f5e\tDuration: 1.52 ms\n";
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "null", Json, ("X-Amz-Log-Result", Convert.ToBase64String(Encoding.UTF8.GetBytes(log))));
        using var clients = Clients(handler);

        var result = await clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f", LogTail = true }, TestContext.Current.CancellationToken);

        Assert.Equal(log, result.LogTail);
        Assert.Equal("Tail", handler.Requests.Single().Headers["X-Amz-Log-Type"]);
        ModelConformance.AssertConform(handler.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_until_the_function_runs()
    {
        // Lambda's throttling answer (https://github.com/fyoorer/ShadowClone/issues/46).
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}""", Json,
                ("x-amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "1"))
            .Then(HttpStatusCode.TooManyRequests, """{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}""", Json,
                ("x-amzn-ErrorType", "TooManyRequestsException"))
            .Then(HttpStatusCode.OK, "\"done\"", Json);
        using var clients = Clients(handler);

        var result = await clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken);

        Assert.Equal("\"done\"", result.PayloadText);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, _delays.Count);
        Assert.Equal([AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.Succeeded], _recorder.Attempts.Select(a => a.Outcome));
        Assert.All(_recorder.Attempts.Take(2), a => Assert.Equal("TooManyRequestsException", a.ErrorCode));
        Assert.Equal(1, _recorder.MutatingCalls);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_reported()
    {
        var handler = new ScriptedHandler
        {
            Fallback = _ => ScriptedHandler.Response(HttpStatusCode.TooManyRequests,
                """{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}""", Json, ("x-amzn-ErrorType", "TooManyRequestsException")),
        };
        using var clients = Clients(handler, new AwsRetryOptions { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken));

        Assert.Equal("Lambda Invoke failed: TooManyRequestsException: Rate exceeded (HTTP 429)", error.Message);
        Assert.False(error.MayHaveSucceeded);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_not_replayed_since_the_function_may_have_run()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.InternalServerError, """{"Type":"Service","message":"internal error"}""", Json,
            ("x-amzn-ErrorType", "ServiceException"));
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken));

        Assert.Equal("ServiceException", error.ErrorCode);
        Assert.True(error.MayHaveSucceeded);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_connection_reset_after_sending_is_not_replayed()
    {
        // The proxy reads the invocation and resets the connection: the function may have run, so the client must not run it
        // again. Nothing is forwarded, so no AWS stand-in is needed behind the proxy.
        await using var proxy = FaultInjectingProxy.Start(new Uri("http://127.0.0.1:9"));
        proxy.FailWhen(r => r.PathAndQuery.EndsWith("/invocations", StringComparison.Ordinal), ProxyFault.ConnectionReset, times: 5);
        using var clients = Clients(new SocketsHttpHandler(), endpoint: proxy.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken));

        Assert.True(error.MayHaveSucceeded);
        Assert.Single(proxy.Requests);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task An_invocation_outlasts_the_attempt_timeout_of_other_calls()
    {
        // A function runs for up to 15 minutes (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html):
        // the attempt timeout that abandons a slow control-plane call must not abandon a function that is still running.
        using var slow = new SlowHandler(TimeSpan.FromMilliseconds(400));
        using var clients = Clients(slow, new AwsRetryOptions { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(100) });

        var timedOut = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.GetFunctionConfigurationAsync("f", TestContext.Current.CancellationToken));
        var invoked = await clients.LambdaInvoker.InvokeAsync(new InvokeRequest { FunctionName = "f" }, TestContext.Current.CancellationToken);

        Assert.Equal(AwsServiceException.RequestTimeout, timedOut.ErrorCode);
        Assert.Equal("{}", invoked.PayloadText);
        Assert.True(LambdaOperations.Invoke.AttemptTimeout > TimeSpan.FromMinutes(15));
    }

    /// <summary>Answers <c>{}</c> after a pause, as a function that takes its time.</summary>
    private sealed class SlowHandler(TimeSpan pause) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(pause, cancellationToken);
            return ScriptedHandler.Response(HttpStatusCode.OK, "{}");
        }
    }
}
