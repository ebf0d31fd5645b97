using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.Tests.Aws.Moto;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Proxy;

/// <summary>The shared fault-injecting proxy in front of moto, driven by our clients and by the AWS CLI.</summary>
public sealed class FaultInjectingProxyTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private AwsClients ClientsThrough(FaultInjectingProxy proxy, AwsCallRecorder recorder, int maxAttempts = 5) =>
        new(new AwsSettings(new StaticCredentialsProvider(MotoClients.Credentials), MotoServer.Region, proxy.Endpoint), new AwsClientOptions
        {
            Observer = recorder,
            Retry = new AwsRetryOptions { MaxAttempts = maxAttempts },
            Delay = static (_, _) => Task.CompletedTask,
        });

    [Fact]
    public async Task Forwards_requests_and_logs_service_action_and_outcome()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        var log = new List<string>();
        proxy.Log = line => { lock (log) log.Add(line); };
        using var clients = ClientsThrough(proxy, new AwsCallRecorder());

        var identity = await clients.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken);
        await clients.Lambda.GetFunctionAsync("proxy-missing", TestContext.Current.CancellationToken);

        Assert.Equal(MotoServer.AccountId, identity.Account);
        Assert.Collection(proxy.Requests,
            r => Assert.Equal((1, "POST", "/", "sts", "GetCallerIdentity", true, 200), (r.Number, r.Method, r.PathAndQuery, r.Service, r.Action, r.Forwarded, r.StatusCode)),
            r => Assert.Equal((2, "GET", "/2015-03-31/functions/proxy-missing", "lambda", (string?)null, true, 404), (r.Number, r.Method, r.PathAndQuery, r.Service, r.Action, r.Forwarded, r.StatusCode)));
        Assert.Equal(2, proxy.ForwardedCount);
        Assert.Equal("#1 POST / sts GetCallerIdentity -> forwarded 200", log[0]);
    }

    [Fact]
    public async Task A_500_on_the_kth_request_is_retried_by_the_client()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        var recorder = new AwsCallRecorder();
        using var clients = ClientsThrough(proxy, recorder);
        var ct = TestContext.Current.CancellationToken;
        proxy.FailRequest(2, ProxyFault.InternalServerError);

        await clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "proxy-500", AssumeRolePolicyDocument = TrustPolicy }, ct);
        var role = await clients.Iam.GetRoleAsync("proxy-500", ct);

        Assert.NotNull(role);
        Assert.Equal([true, false, true], proxy.Requests.Select(r => r.Forwarded));
        Assert.Equal(ProxyFault.InternalServerError, proxy.Requests[1].Fault);
        Assert.Equal("InternalFailure", recorder.Attempts[1].ErrorCode);
        Assert.Equal(AwsAttemptOutcome.WillRetry, recorder.Attempts[1].Outcome);
    }

    [Fact]
    public async Task Throttling_errors_have_each_protocols_shape()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        using var clients = ClientsThrough(proxy, new AwsCallRecorder(), maxAttempts: 1);
        var ct = TestContext.Current.CancellationToken;
        proxy.FailWhen(r => r.Service == "iam", ProxyFault.Throttling);
        proxy.FailWhen(r => r.Service == "lambda", ProxyFault.Throttling);

        var iamError = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Iam.GetRoleAsync("any", ct));
        var lambdaError = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.GetFunctionAsync("any", ct));

        Assert.Equal(("Throttling", "Rate exceeded"), (iamError.ErrorCode, iamError.AwsMessage));
        Assert.Equal(("ThrottlingException", "Rate exceeded"), (lambdaError.ErrorCode, lambdaError.AwsMessage));
        Assert.NotNull(iamError.RequestId);
        Assert.Equal(0, proxy.ForwardedCount);
    }

    [Fact]
    public async Task A_connection_reset_is_retried_for_reads_but_never_replays_a_create()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        using var clients = ClientsThrough(proxy, new AwsCallRecorder());
        var ct = TestContext.Current.CancellationToken;
        proxy.FailRequest(1, ProxyFault.ConnectionReset);
        proxy.FailRequest(3, ProxyFault.ConnectionReset);

        var apis = await clients.ApiGateway.GetRestApisAsync(ct);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.ApiGateway.CreateRestApiAsync(
            new CreateRestApiRequest { Name = "proxy-reset" }, ct));

        Assert.NotNull(apis);
        Assert.True(error.MayHaveSucceeded);
        Assert.Equal(AwsServiceException.ConnectionFailure, error.ErrorCode);
        Assert.Equal(3, proxy.Requests.Count);
        Assert.Equal([false, true, false], proxy.Requests.Select(r => r.Forwarded));
        Assert.DoesNotContain(await clients.ApiGateway.GetRestApisAsync(ct), a => a.Name == "proxy-reset");
    }

    [Fact]
    public async Task The_aws_cli_works_through_the_proxy_and_sees_injected_throttling()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        proxy.FailRequest(1, ProxyFault.Throttling);

        var identity = await AwsCli.RunAsync(proxy.Endpoint, "sts", "get-caller-identity");

        Assert.Equal(MotoServer.AccountId, identity.GetProperty("Account").GetString());
        Assert.Equal([false, true], proxy.Requests.Select(r => r.Forwarded));
        Assert.All(proxy.Requests, r => Assert.Equal("sts", r.Service));
    }

    [Fact]
    public async Task Requests_expecting_100_continue_are_served()
    {
        moto.EnsureAvailable();
        await using var proxy = FaultInjectingProxy.Start(moto.Endpoint);
        using var expectContinue = new ExpectContinueHandler();
        using var clients = new AwsClients(
            new AwsSettings(new StaticCredentialsProvider(MotoClients.Credentials), MotoServer.Region, proxy.Endpoint),
            new AwsClientOptions { HttpHandler = expectContinue });

        // HttpClient waits 30 s for "100 Continue" before sending the body anyway: a proxy that never says it fails here.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        await clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "proxy-expect", AssumeRolePolicyDocument = TrustPolicy }, deadline.Token);

        Assert.True(expectContinue.Sent > 0);
        Assert.True(Assert.Single(proxy.Requests).Forwarded);
    }

    /// <summary>Asks for 100-continue on every request with a body, as some HTTP clients do for uploads.</summary>
    private sealed class ExpectContinueHandler() : DelegatingHandler(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.ExpectContinue = true;
            Sent++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
