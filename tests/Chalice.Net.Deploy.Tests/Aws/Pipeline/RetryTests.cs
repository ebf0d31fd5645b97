using System.Diagnostics;
using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Aws.Lambda;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>Retries and backoff against scripted AWS responses (no moto: it never throttles or fails).</summary>
public sealed class RetryTests
{
    private const string IamThrottling =
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code>" +
        "<Message>Rate exceeded</Message></Error><RequestId>req-1</RequestId></ErrorResponse>";

    private const string GetRoleResponse =
        "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role><Path>/</Path><RoleName>r</RoleName>" +
        "<RoleId>AROA1</RoleId><Arn>arn:aws:iam::123456789012:role/r</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>" +
        "<AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument></Role></GetRoleResult>" +
        "<ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></GetRoleResponse>";

    private const string FunctionJson = """{"FunctionName":"f","FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f","State":"Active","LastUpdateStatus":"Successful"}""";

    private const string RoleNotReady =
        """{"Type":"User","message":"The role defined for the function cannot be assumed by Lambda."}""";

    private readonly List<TimeSpan> _delays = [];
    private readonly AwsCallRecorder _recorder = new();

    private AwsClients Clients(ScriptedHandler handler, AwsRetryOptions? retry = null) =>
        new(new AwsSettings(new StaticCredentialsProvider(new("AKIDEXAMPLE", "secret")), "us-east-1"), new AwsClientOptions
        {
            HttpHandler = handler,
            Observer = _recorder,
            Retry = retry ?? new AwsRetryOptions(),
            Random = new Random(42),
            Delay = (delay, _) =>
            {
                _delays.Add(delay);
                return Task.CompletedTask;
            },
        });

    [Fact]
    public async Task Throttling_is_retried_with_growing_jittered_backoff_until_success()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, IamThrottling, "text/xml")
            .Then(HttpStatusCode.BadRequest, IamThrottling, "text/xml")
            .Then(HttpStatusCode.BadRequest, IamThrottling, "text/xml")
            .Then(HttpStatusCode.OK, GetRoleResponse, "text/xml");
        using var clients = Clients(handler);

        var role = await clients.Iam.GetRoleAsync("r", TestContext.Current.CancellationToken);

        Assert.Equal("""{"Version":"2012-10-17"}""", role!.AssumeRolePolicyDocument);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, _delays.Count);
        for (var i = 0; i < _delays.Count; i++)
            Assert.InRange(_delays[i], TimeSpan.Zero, TimeSpan.FromMilliseconds(500 * Math.Pow(2, i)));
        Assert.Equal([1, 2, 3, 4], _recorder.Attempts.Select(a => a.Attempt));
        Assert.Equal([AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.Succeeded],
            _recorder.Attempts.Select(a => a.Outcome));
        Assert.All(_recorder.Attempts.Take(3), a => Assert.Equal("Throttling", a.ErrorCode));
        Assert.Equal(1, _recorder.ReadCalls);
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_budget_and_report_the_last_error()
    {
        var handler = new ScriptedHandler
        {
            Fallback = _ => ScriptedHandler.Response(HttpStatusCode.TooManyRequests,
                """{"message":"Too Many Requests"}""", headers: [("x-amzn-ErrorType", "TooManyRequestsException:http://internal"), ("x-amzn-RequestId", "rid-9")]),
        };
        using var clients = Clients(handler, new AwsRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1.5) });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.ApiGateway.GetRestApisAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal("Too Many Requests", error.AwsMessage);
        Assert.Equal("rid-9", error.RequestId);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.All(_delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(1.5)));
        Assert.Equal(AwsAttemptOutcome.Failed, _recorder.Attempts[^1].Outcome);
    }

    [Fact]
    public async Task Server_errors_and_connection_resets_are_retried_for_reads()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.InternalServerError, """{"Message":"internal"}""", headers: ("x-amzn-ErrorType", "ServiceException"))
            .ThenFail(new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset"))
            .Then(HttpStatusCode.OK, FunctionJson);
        using var clients = Clients(handler);

        var configuration = await clients.Lambda.GetFunctionConfigurationAsync("f", TestContext.Current.CancellationToken);

        Assert.Equal("Active", configuration.State);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal([HttpStatusCode.InternalServerError, (HttpStatusCode?)null, HttpStatusCode.OK], _recorder.Attempts.Select(a => a.StatusCode));
        Assert.Equal(AwsServiceException.ConnectionFailure, _recorder.Attempts[1].ErrorCode);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, """{"__type":"com.amazon#InvalidParameterValueException","message":"Unsupported runtime"}""");
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.CreateFunctionAsync(NewFunction(), TestContext.Current.CancellationToken));

        Assert.Single(handler.Requests);
        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.Equal("Lambda CreateFunction failed: InvalidParameterValueException: Unsupported runtime (HTTP 400)", error.Message);
        Assert.False(error.MayHaveSucceeded);
    }

    [Fact]
    public async Task Role_propagation_rejections_are_waited_out_with_their_own_budget()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 6; i++)
            handler.Then(HttpStatusCode.BadRequest, RoleNotReady, headers: ("x-amzn-ErrorType", "InvalidParameterValueException"));
        handler.Then(HttpStatusCode.Created, FunctionJson);
        using var clients = Clients(handler, new AwsRetryOptions { MaxAttempts = 3, RolePropagationMaxAttempts = 10 });

        var created = await clients.Lambda.CreateFunctionAsync(NewFunction(), TestContext.Current.CancellationToken);

        Assert.Equal("f", created.FunctionName);
        Assert.Equal(7, handler.Requests.Count);
        // Half-jittered exponential from 2 s, capped at MaxDelay (20 s).
        for (var i = 0; i < _delays.Count; i++)
        {
            var ceiling = Math.Min(20, 2 * Math.Pow(2, i));
            Assert.InRange(_delays[i].TotalSeconds, ceiling / 2, ceiling);
        }
        Assert.Equal(1, _recorder.MutatingCalls);
    }

    [Fact]
    public async Task Role_propagation_gives_up_with_lambdas_message()
    {
        var handler = new ScriptedHandler
        {
            Fallback = _ => ScriptedHandler.Response(HttpStatusCode.BadRequest, RoleNotReady, headers: ("x-amzn-ErrorType", "InvalidParameterValueException")),
        };
        using var clients = Clients(handler, new AwsRetryOptions { RolePropagationMaxAttempts = 4 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = "f", Role = "arn:aws:iam::123456789012:role/r" }, TestContext.Current.CancellationToken));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Contains("cannot be assumed by Lambda", error.Message);
    }

    [Fact]
    public async Task The_same_message_on_an_operation_without_a_role_is_not_retried()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, RoleNotReady, headers: ("x-amzn-ErrorType", "InvalidParameterValueException"));
        using var clients = Clients(handler);

        await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = "f", ZipFile = [1] }, TestContext.Current.CancellationToken));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Create_rest_api_is_not_replayed_after_an_ambiguous_failure()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.ApiGateway.CreateRestApiAsync(new CreateRestApiRequest { Name = "api" }, TestContext.Current.CancellationToken));

        Assert.Single(handler.Requests);
        Assert.True(error.MayHaveSucceeded);
        Assert.Equal("Http502", error.ErrorCode);
        Assert.DoesNotContain("<html>", error.Message);
    }

    [Fact]
    public async Task Create_rest_api_is_replayed_when_aws_provably_did_not_process_it()
    {
        var handler = new ScriptedHandler()
            .ThenFail(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"))
            .Then(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", headers: ("x-amzn-ErrorType", "TooManyRequestsException"))
            .Then(HttpStatusCode.Created, """{"id":"abc","name":"api"}""");
        using var clients = Clients(handler);

        var api = await clients.ApiGateway.CreateRestApiAsync(new CreateRestApiRequest { Name = "api" }, TestContext.Current.CancellationToken);

        Assert.Equal("abc", api.Id);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_create_conflict_after_a_lost_response_is_flagged_as_possibly_ours()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, "", "text/plain")
            .Then(HttpStatusCode.Conflict,
                "<ErrorResponse><Error><Code>EntityAlreadyExists</Code><Message>Role with name r already exists.</Message></Error></ErrorResponse>", "text/xml");
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Iam.CreateRoleAsync(
            new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = "{}" }, TestContext.Current.CancellationToken));

        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.True(error.MayHaveSucceeded);
    }

    [Fact]
    public async Task A_delete_whose_replay_finds_nothing_succeeded_the_first_time()
    {
        var handler = new ScriptedHandler()
            .ThenFail(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Then(HttpStatusCode.NotFound, """{"Message":"Function not found"}""", headers: ("x-amzn-ErrorType", "ResourceNotFoundException"));
        using var clients = Clients(handler);

        await clients.Lambda.DeleteFunctionAsync("f", TestContext.Current.CancellationToken);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal([AwsAttemptOutcome.WillRetry, AwsAttemptOutcome.Succeeded], _recorder.Attempts.Select(a => a.Outcome));
        Assert.Equal(["Lambda DeleteFunction"], _recorder.MutatingOperations);
    }

    [Fact]
    public async Task A_delete_of_something_that_never_existed_still_fails()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.NotFound, """{"Message":"Function not found"}""", headers: ("x-amzn-ErrorType", "ResourceNotFoundException"));
        using var clients = Clients(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.DeleteFunctionAsync("f", TestContext.Current.CancellationToken));

        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Attempt_timeouts_are_retried_and_reported_as_timeouts()
    {
        var handler = new ScriptedHandler { Fallback = _ => throw new TaskCanceledException("timed out") };
        using var clients = Clients(handler, new AwsRetryOptions { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AwsServiceException.RequestTimeout, error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_hung_attempt_is_abandoned_after_the_attempt_timeout()
    {
        using var hanging = new HangingHandler();
        using var clients = new AwsClients(new AwsSettings(new StaticCredentialsProvider(new("AKIDEXAMPLE", "secret")), "us-east-1"), new AwsClientOptions
        {
            HttpHandler = hanging,
            Retry = new AwsRetryOptions { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(200) },
            Delay = static (_, _) => Task.CompletedTask,
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AwsServiceException.RequestTimeout, error.ErrorCode);
        Assert.Equal(2, hanging.Calls);
    }

    [Fact]
    public async Task A_connection_not_established_within_the_connect_timeout_is_a_connection_failure()
    {
        // A peer that takes the TCP connection and never answers the TLS handshake: only the connect timeout
        // (deploy --connection-timeout) ends the attempt before its 30-second attempt timeout would.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"https://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}");
        using var clients = new AwsClients(new AwsSettings(new StaticCredentialsProvider(new("AKIDEXAMPLE", "secret")), "us-east-1", endpoint),
            new AwsClientOptions
            {
                ConnectTimeout = TimeSpan.FromMilliseconds(300),
                Retry = new AwsRetryOptions { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromSeconds(30) },
            });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken));

        Assert.Equal(AwsServiceException.ConnectionFailure, error.ErrorCode);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new ScriptedHandler
        {
            Fallback = _ =>
            {
                cancellation.Cancel();
                throw new TaskCanceledException();
            },
        };
        using var clients = Clients(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Sts.GetCallerIdentityAsync(cancellation.Token));

        Assert.Single(handler.Requests);
    }

    /// <summary>Never answers until cancelled, like a peer that accepted the connection and went silent.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
        }
    }

    private static CreateFunctionRequest NewFunction() => new()
    {
        FunctionName = "f",
        Role = "arn:aws:iam::123456789012:role/r",
        Code = new LambdaFunctionCode { ZipFile = [1, 2, 3] },
        Runtime = "provided.al2023",
        Handler = "bootstrap",
    };
}
