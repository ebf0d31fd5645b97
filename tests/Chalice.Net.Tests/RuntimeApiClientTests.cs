using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Events;
using Chalice.Hosting;
using Chalice.Lambda;

namespace Chalice.Tests;

/// <summary>
/// The Lambda Runtime API's requests and answers as AWS documents them
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): <c>GET /2018-06-01/runtime/invocation/next</c>
/// with the invocation in <c>Lambda-Runtime-*</c> fields, <c>POST …/invocation/{id}/response</c>, <c>…/error</c> and
/// <c>…/init/error</c> with <c>Lambda-Runtime-Function-Error-Type</c> and the errorMessage/errorType/stackTrace
/// document, 202 for a post accepted and 4xx/500 with an error document otherwise; and the runtime loop over them.
/// </summary>
public sealed class RuntimeApiClientTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n";

    /// <summary>An invocation as the local Runtime API's Kestrel sends it: no length, so chunked.</summary>
    private static string Invocation(string requestId, string payload, string fields = "") =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: {requestId}\r\n" +
        $"Lambda-Runtime-Deadline-Ms: 1542409706888\r\n{fields}Transfer-Encoding: chunked\r\n\r\n" +
        $"{Encoding.UTF8.GetByteCount(payload):x}\r\n{payload}\r\n0\r\n\r\n";

    [Fact]
    public async Task Next_reads_the_invocation_from_its_documented_fields()
    {
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            Assert.Equal("GET /2018-06-01/runtime/invocation/next HTTP/1.1", (await p.ReceiveAsync()).RequestLine);
            await p.SendAsync(Invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", "{\"key\":\"value\"}",
                "lambda-runtime-invoked-function-arn: arn:aws:lambda:us-east-2:123456789012:function:custom-runtime\r\n" +
                "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n" +
                "Lambda-Runtime-Client-Context: {\"client\":{\"app_title\":\"t\"}}\r\n" +
                "Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"id\"}\r\n"));
        });
        using var client = new RuntimeApiClient(peer.Address);

        var invocation = await client.NextAsync(CancellationToken.None).WaitAsync(s_timeout);

        Assert.Equal("{\"key\":\"value\"}", Encoding.UTF8.GetString(invocation.Payload));
        var context = invocation.Context;
        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", context.AwsRequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1542409706888), context.Deadline);
        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime", context.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", context.TraceId);
        Assert.Equal("{\"client\":{\"app_title\":\"t\"}}", context.ClientContext);
        Assert.Equal("{\"cognitoIdentityId\":\"id\"}", context.CognitoIdentity);
        await peer.Completion;
    }

    [Fact]
    public async Task An_invocation_without_a_request_id_is_refused()
    {
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        });
        using var client = new RuntimeApiClient(peer.Address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.NextAsync(CancellationToken.None).WaitAsync(s_timeout));
        Assert.Contains("without Lambda-Runtime-Aws-Request-Id", error.Message);
    }

    [Fact]
    public async Task Responses_and_errors_are_posted_to_their_documented_paths_with_their_fields()
    {
        var requests = new List<ReceivedRequest>();
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            for (var i = 0; i < 4; i++)
            {
                requests.Add(await p.ReceiveAsync());
                await p.SendAsync(Accepted);
            }
        });
        using var client = new RuntimeApiClient(peer.Address);
        var failure = Thrown(new InvalidOperationException("the disk is full"));

        await client.PostResponseAsync("req-1", "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None).WaitAsync(s_timeout);
        await client.PostErrorAsync("req-2", failure, CancellationToken.None).WaitAsync(s_timeout);
        await client.PostInitErrorAsync(failure, CancellationToken.None).WaitAsync(s_timeout);
        // Request ids come from the Runtime API; whatever one holds stays one path segment.
        await client.PostResponseAsync("a b/c?d", "{}"u8.ToArray(), CancellationToken.None).WaitAsync(s_timeout);

        await peer.Completion;
        Assert.Equal("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1", requests[0].RequestLine);
        Assert.Equal("application/json", requests[0].Field("Content-Type"));
        Assert.Equal("{\"statusCode\":200}", Encoding.UTF8.GetString(requests[0].Body));
        Assert.Null(requests[0].Field("Lambda-Runtime-Function-Error-Type"));

        Assert.Equal("POST /2018-06-01/runtime/invocation/req-2/error HTTP/1.1", requests[1].RequestLine);
        Assert.Equal("POST /2018-06-01/runtime/init/error HTTP/1.1", requests[2].RequestLine);
        foreach (var error in requests[1..3])
        {
            Assert.Equal("InvalidOperationException", error.Field("Lambda-Runtime-Function-Error-Type"));
            Assert.Equal("application/json", error.Field("Content-Type"));
            var document = JsonNode.Parse(error.Body)!.AsObject();
            Assert.Equal(["errorMessage", "errorType", "stackTrace"], document.Select(m => m.Key));
            Assert.Equal("the disk is full", document["errorMessage"]!.GetValue<string>());
            Assert.Equal("InvalidOperationException", document["errorType"]!.GetValue<string>());
            Assert.StartsWith("at Chalice.Tests.RuntimeApiClientTests.Thrown", document["stackTrace"]![0]!.GetValue<string>());
        }

        Assert.Equal("POST /2018-06-01/runtime/invocation/a%20b%2Fc%3Fd/response HTTP/1.1", requests[3].RequestLine);
    }

    /// <summary>
    /// The documented error answers: 400 for an invalid request id, 403, 413 for a payload over the limit, 500 for a
    /// non-recoverable state; each names what was wrong in its body.
    /// </summary>
    [Theory]
    [InlineData(400, "Bad Request", "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}")]
    [InlineData(413, "Request Entity Too Large", "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}")]
    [InlineData(500, "Internal Server Error", "")]
    public async Task An_answer_other_than_2_xx_is_an_HTTP_request_exception_with_the_status_and_what_the_runtime_API_said(int status, string reason, string body)
    {
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        });
        using var client = new RuntimeApiClient(peer.Address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostResponseAsync("req-9", "{}"u8.ToArray(), CancellationToken.None).WaitAsync(s_timeout));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(
            $"The Lambda Runtime API answered POST /2018-06-01/runtime/invocation/req-9/response with {status} {reason}" + (body.Length > 0 ? $": {body}" : "."),
            error.Message);
    }

    /// <summary>
    /// A response the client refuses is, to the runtime loop, a lost request like any other: it asks for the next
    /// invocation again, on a new connection, and serves it.
    /// </summary>
    [Fact]
    public async Task The_runtime_loop_asks_again_after_a_malformed_answer_and_serves_the_invocation()
    {
        using var stop = new CancellationTokenSource();
        ReceivedRequest? posted = null;
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX");
                await p.ClientClosedAsync();
            },
            async p =>
            {
                Assert.Equal("GET /2018-06-01/runtime/invocation/next HTTP/1.1", (await p.ReceiveAsync()).RequestLine);
                await p.SendAsync(Invocation("req-1", Encoding.UTF8.GetString(ProxyEventJson.Serialize(new ApiGatewayProxyRequest
                {
                    Resource = "/hello",
                    Path = "/hello",
                    HttpMethod = "GET",
                    RequestContext = new ProxyRequestContext { ResourcePath = "/hello", HttpMethod = "GET", Stage = "api" },
                }))));
                posted = await p.ReceiveAsync();
                await p.SendAsync(Accepted);
                await p.ReceiveAsync();
                await stop.CancelAsync();
            });

        var exitCode = await LambdaRuntime.RunAsync(HelloApp(), peer.Address, stop.Token).WaitAsync(s_timeout);

        await peer.Completion;
        Assert.Equal(0, exitCode);
        Assert.Equal("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1", posted!.RequestLine);
        var response = JsonNode.Parse(posted.Body)!;
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("hello", response["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_runtime_loop_exits_non_zero_when_every_answer_is_malformed()
    {
        // The first attempt and one per reconnect delay, then the loop gives up.
        var attempts = LambdaRuntime.ReconnectDelays.Length + 1;
        await using var peer = ScriptedHttpPeer.Start([.. Enumerable.Repeat<Func<PeerConnection, Task>>(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
            await p.ClientClosedAsync();
        }, attempts)]);

        var exitCode = await LambdaRuntime.RunAsync(HelloApp(), peer.Address).WaitAsync(s_timeout);

        await peer.Completion;
        Assert.Equal(1, exitCode);
        Assert.Equal(attempts, peer.Accepted);
    }

    private static ChaliceAppDefinition HelloApp() => new("hello",
        [new RouteDefinition("/hello", ["GET"], "Hello", (_, _) => ValueTask.FromResult(new Response("hello")))],
        _ => new object());

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
