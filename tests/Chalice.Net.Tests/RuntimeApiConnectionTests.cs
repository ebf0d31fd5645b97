using System.Net;
using System.Net.Sockets;
using System.Text;
using Chalice.Lambda;

namespace Chalice.Tests;

/// <summary>
/// The Runtime API's HTTP/1.1 client against a scripted TCP peer. The rules are RFC 9112's: message framing by
/// Content-Length or the chunked transfer coding, with extensions ignored and trailers read (§6.3, §7.1), persistent
/// connections and <c>Connection: close</c> (§9.3, §9.6), the status line and field syntax (§4, §5); a message that
/// breaks them, or ends early, is refused with an <see cref="HttpRequestException"/> saying what was wrong.
/// </summary>
public sealed class RuntimeApiConnectionTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private static Task<RuntimeApiResponse> Get(RuntimeApiConnection connection, string path = "/next", CancellationToken cancellationToken = default) =>
        connection.GetAsync(path, cancellationToken).WaitAsync(s_timeout);

    private static Task<RuntimeApiResponse> Post(RuntimeApiConnection connection, string path, byte[] body, params KeyValuePair<string, string>[] fields) =>
        connection.PostAsync(path, body, fields, CancellationToken.None).WaitAsync(s_timeout);

    private static string Text(RuntimeApiResponse response) => Encoding.UTF8.GetString(response.Body);

    /// <summary>A peer that answers each of <paramref name="responses"/> on one connection, one per request.</summary>
    private static ScriptedHttpPeer Answering(params string[] responses) => ScriptedHttpPeer.Start(async peer =>
    {
        foreach (var response in responses)
        {
            await peer.ReceiveAsync();
            await peer.SendAsync(response);
        }
    });

    [Fact]
    public async Task A_content_length_body_is_read_and_fields_are_found_whatever_their_case()
    {
        await using var peer = Answering("HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: 8476a536\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"a\":\"bcd\"}");
        using var connection = new RuntimeApiConnection(peer.Address);

        var response = await Get(connection);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal("8476a536", response.Header("Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal("application/json", response.Header("CONTENT-TYPE"));
        Assert.Null(response.Header("Lambda-Runtime-Trace-Id"));
        Assert.Equal("{\"a\":\"bcd\"}", Text(response));
        await peer.Completion;
    }

    [Fact]
    public async Task A_chunked_body_is_reassembled_ignoring_chunk_extensions_and_dropping_trailers()
    {
        // Then a second response on the same connection: the first ended exactly where its trailer section did.
        await using var peer = Answering(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n" +
            "5;name=value\r\nhello\r\n2 ; quoted=\"a;b\";flag\r\n, \r\nA\r\nchunked wo\r\na\r\nrld, again\r\n0;last\r\nX-Checksum: 1a2b\r\nX-Other: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
        using var connection = new RuntimeApiConnection(peer.Address);

        var chunked = await Get(connection);
        var next = await Get(connection);

        Assert.Equal("hello, chunked world, again", Text(chunked));
        Assert.Null(chunked.Header("X-Checksum"));
        Assert.Equal("ok", Text(next));
        await peer.Completion;
        Assert.Equal(1, peer.Accepted);
    }

    /// <summary>Every split of a response across TCP reads, down to one byte per read, gives the same response.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    public async Task A_response_arriving_in_pieces_is_read_whole(int piece)
    {
        const string fields = "Lambda-Runtime-Aws-Request-Id: req-1\r\nLambda-Runtime-Deadline-Ms: 1542409706888\r\n";
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync($"HTTP/1.1 200 OK\r\n{fields}Content-Length: 12\r\n\r\n{{\"key\":\"v1\"}}", piece);
            await p.ReceiveAsync();
            await p.SendAsync($"HTTP/1.1 200 OK\r\n{fields}Transfer-Encoding: chunked\r\n\r\n4;x=y\r\n{{\"ke\r\n8\r\ny\":\"v2\"}}\r\n0\r\nT: t\r\n\r\n", piece);
        });
        using var connection = new RuntimeApiConnection(peer.Address);

        var byLength = await Get(connection);
        var chunked = await Get(connection);

        foreach (var response in new[] { byLength, chunked })
        {
            Assert.Equal("req-1", response.Header("Lambda-Runtime-Aws-Request-Id"));
            Assert.Equal("1542409706888", response.Header("Lambda-Runtime-Deadline-Ms"));
        }
        Assert.Equal("{\"key\":\"v1\"}", Text(byLength));
        Assert.Equal("{\"key\":\"v2\"}", Text(chunked));
        await peer.Completion;
    }

    [Fact]
    public async Task Successive_requests_share_one_kept_alive_connection()
    {
        await using var peer = Answering(
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1",
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n3\r\n0\r\n\r\n",
            "HTTP/1.1 204 No Content\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n5");
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("1", Text(await Get(connection)));
        Assert.Equal(202, (await Post(connection, "/response", "{}"u8.ToArray())).StatusCode);
        Assert.Equal("3", Text(await Get(connection)));
        Assert.Empty((await Post(connection, "/response", [])).Body);
        Assert.Equal("5", Text(await Get(connection)));

        await peer.Completion;
        Assert.Equal(1, peer.Accepted);
    }

    /// <summary>A peer may close an idle connection at any time (RFC 9112 §9.5); the next request goes on a new one.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_the_peer_closed_while_idle_is_replaced_before_the_next_request(bool reset)
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst");
                await read.Task;
                if (reset)
                    p.Reset();
                else
                    p.Close();
                closed.SetResult();
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("first", Text(await Get(connection)));
        read.SetResult();
        await closed.Task.WaitAsync(s_timeout);
        await Task.Delay(50); // the FIN or RST crosses the loopback interface
        Assert.Equal("second", Text(await Get(connection)));

        await peer.Completion;
        Assert.Equal(2, peer.Accepted);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")]
    public async Task A_response_that_ends_the_connection_is_followed_by_a_new_one(string response)
    {
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync(response);
                Assert.True(await p.ClientClosedAsync(), "the client kept the connection open");
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("ok", Text(await Get(connection)));
        Assert.Equal("next", Text(await Get(connection)));
        await peer.Completion;
        Assert.Equal(2, peer.Accepted);
    }

    [Fact]
    public async Task An_HTTP_10_response_that_says_keep_alive_keeps_the_connection()
    {
        await using var peer = Answering(
            "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\na",
            "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nb");
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("a", Text(await Get(connection)));
        Assert.Equal("b", Text(await Get(connection)));
        await peer.Completion;
        Assert.Equal(1, peer.Accepted);
    }

    /// <summary>Neither Content-Length nor chunked: the body runs to the end of the connection (RFC 9112 §6.3, rule 8).</summary>
    [Fact]
    public async Task A_body_without_length_or_chunks_runs_until_the_peer_closes()
    {
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this, ", piece: 5);
                await p.SendAsync("up to the close");
                p.Close();
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("all of this, up to the close", Text(await Get(connection)));
        Assert.Equal("next", Text(await Get(connection)));
        await peer.Completion;
    }

    /// <summary>Interim 1xx responses come before the final one and are read past (RFC 9110 §15.2).</summary>
    [Fact]
    public async Task Interim_responses_are_skipped()
    {
        await using var peer = Answering(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}");
        using var connection = new RuntimeApiConnection(peer.Address);

        var response = await Get(connection);

        Assert.Equal(202, response.StatusCode);
        Assert.Null(response.Header("Link"));
        Assert.Equal("{}", Text(response));
    }

    [Fact]
    public async Task Requests_are_the_request_line_host_length_their_fields_and_the_body()
    {
        var heads = new List<byte[]>();
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            for (var i = 0; i < 3; i++)
            {
                heads.Add((await p.ReceiveAsync()).Raw);
                await p.SendAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
            }
        });
        using var connection = new RuntimeApiConnection(peer.Address);

        await Get(connection, "/2018-06-01/runtime/invocation/next");
        await Post(connection, "/2018-06-01/runtime/invocation/id-1/error", "{\"errorMessage\":\"é\"}"u8.ToArray(),
            new("Content-Type", "application/json"), new("Lambda-Runtime-Function-Error-Type", "InvalidOperationException"));
        await Post(connection, "/2018-06-01/runtime/init/error", []);

        await peer.Completion;
        Assert.Equal($"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {peer.Address}\r\n\r\n", Encoding.Latin1.GetString(heads[0]));
        Assert.Equal(
            $"POST /2018-06-01/runtime/invocation/id-1/error HTTP/1.1\r\nHost: {peer.Address}\r\nContent-Length: 21\r\n" +
            "Content-Type: application/json\r\nLambda-Runtime-Function-Error-Type: InvalidOperationException\r\n\r\n{\"errorMessage\":\"é\"}",
            Encoding.UTF8.GetString(heads[1]));
        // POST states its length, 0 included (RFC 9110 §8.6).
        Assert.Equal($"POST /2018-06-01/runtime/init/error HTTP/1.1\r\nHost: {peer.Address}\r\nContent-Length: 0\r\n\r\n", Encoding.Latin1.GetString(heads[2]));
    }

    /// <summary>A path after host:port in AWS_LAMBDA_RUNTIME_API prefixes every request, as it did in HttpClient's base address.</summary>
    [Fact]
    public async Task A_path_in_the_runtime_API_address_prefixes_every_request()
    {
        string? requestLine = null;
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            requestLine = (await p.ReceiveAsync()).RequestLine;
            await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        });
        using var connection = new RuntimeApiConnection(peer.Address + "/proxy/");

        await Get(connection, "/2018-06-01/runtime/invocation/next");

        await peer.Completion;
        Assert.Equal("GET /proxy/2018-06-01/runtime/invocation/next HTTP/1.1", requestLine);
    }

    /// <summary>
    /// Lambda's synchronous invocation payload limit, 6 MB each way
    /// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), by length, in chunks, and posted.
    /// </summary>
    [Fact]
    public async Task Six_megabyte_payloads_go_both_ways()
    {
        var payload = new byte[6 * 1024 * 1024];
        new Random(6).NextBytes(payload);
        byte[]? posted = null;
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync([.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {payload.Length}\r\n\r\n"), .. payload]);
            await p.ReceiveAsync();
            using var chunked = new MemoryStream();
            chunked.Write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
            foreach (var chunk in payload.Chunk(100_000))
            {
                chunked.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                chunked.Write(chunk);
                chunked.Write("\r\n"u8);
            }
            chunked.Write("0\r\n\r\n"u8);
            await p.SendAsync(chunked.ToArray());
            posted = (await p.ReceiveAsync()).Body;
            await p.SendAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n");
        });
        using var connection = new RuntimeApiConnection(peer.Address);

        var byLength = (await Get(connection)).Body;
        var chunked = (await Get(connection)).Body;
        Assert.Equal(202, (await Post(connection, "/response", payload)).StatusCode);

        await peer.Completion;
        Assert.True(payload.AsSpan().SequenceEqual(byLength), "the Content-Length body differs");
        Assert.True(payload.AsSpan().SequenceEqual(chunked), "the chunked body differs");
        Assert.True(payload.AsSpan().SequenceEqual(posted), "the posted body differs");
    }

    /// <summary>
    /// The peer resets a kept-alive connection while a request is being written: it never had the whole request, so
    /// the request is written again on a new connection. 32 MB is more than the loopback socket buffers hold, so the
    /// write is still going when the reset arrives.
    /// </summary>
    [Fact]
    public async Task A_request_whose_write_fails_on_a_reused_connection_is_written_once_more_on_a_new_one()
    {
        var payload = new byte[32 * 1024 * 1024];
        new Random(32).NextBytes(payload);
        byte[]? posted = null;
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
                Assert.StartsWith("POST /response", await p.ReceiveHeadAsync());
                p.Reset();
            },
            async p =>
            {
                posted = (await p.ReceiveAsync()).Body;
                await p.SendAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        await Get(connection);
        Assert.Equal(202, (await Post(connection, "/response", payload)).StatusCode);

        await peer.Completion;
        Assert.Equal(2, peer.Accepted);
        Assert.True(payload.AsSpan().SequenceEqual(posted), "the request written again differs");
    }

    public static TheoryData<string, string> MalformedResponses => new()
    {
        // Status lines (RFC 9112 §4; status codes 100-599, RFC 9110 §15).
        { "HTTP/1.1 20 OK\r\n\r\n", "a malformed status line: \"HTTP/1.1 20 OK\"" },
        { "HTTP/1.1 2OO OK\r\n\r\n", "a malformed status line" },
        { "HTTP/2 200 OK\r\n\r\n", "a malformed status line" },
        { "HTTP/1.1  200 OK\r\n\r\n", "a malformed status line" },
        { "HTTP/1.1 200OK\r\n\r\n", "a malformed status line" },
        { "HTTP/1.1 600 Beyond\r\n\r\n", "a malformed status line" },
        { "HTTP/1.1 099 Below\r\n\r\n", "a malformed status line" },
        { "ICY 200 OK\r\n\r\n", "a malformed status line" },
        { "HTTP/1.1 200 O\u0001K\r\nContent-Length: 0\r\n\r\n", "a malformed status line: \"HTTP/1.1 200 O\\x01K\"" },
        { "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", "a line ending in a bare LF in its status line: \"HTTP/1.1 200 OK\"" },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", "101 Switching Protocols" },
        // Header fields (RFC 9112 §5, RFC 9110 §5.5, §5.6.2).
        { "HTTP/1.1 200 OK\r\nX Name: v\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \"X Name: v\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n", "a malformed header field: \"Content-Length : 0\"" },
        { "HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \"NoColon\"" },
        { "HTTP/1.1 200 OK\r\n: no name\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \": no name\"" },
        { "HTTP/1.1 200 OK\r\nX-Long: one\r\n  folded on\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \"  folded on\"" },
        { "HTTP/1.1 200 OK\r\nX-Nul: a\0b\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \"X-Nul: a\\x00b\"" },
        { "HTTP/1.1 200 OK\r\nX-Del: a\u007Fb\r\nContent-Length: 0\r\n\r\n", "a malformed header field" },
        { "HTTP/1.1 200 OK\r\nX-Cr: a\rb\r\nContent-Length: 0\r\n\r\n", "a malformed header field: \"X-Cr: a\\x0Db\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n", "a line ending in a bare LF in its header section" },
        // Framing (RFC 9112 §6.1-6.3, RFC 9110 §8.6).
        { "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", "an invalid Content-Length: \"abc\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "an invalid Content-Length: \"-1\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok", "an invalid Content-Length: \"+2\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok", "an invalid Content-Length: \"2, 2\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok!", "an invalid Content-Length: \"3\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "both Transfer-Encoding and Content-Length" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", "Transfer-Encoding \"gzip, chunked\", where only chunked is understood" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "Transfer-Encoding \"chunked, chunked\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\n", "Transfer-Encoding \"identity\"" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 33554433\r\n\r\n", "a body over the limit of 33554432 bytes" },
        // Chunks (RFC 9112 §7.1).
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a malformed chunk-size line: \"zz\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", "a malformed chunk-size line: \"\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n", "a malformed chunk-size line: \"5 x\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n", "a malformed chunk-size line: \"0x5\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a\u0001\r\nhello\r\n0\r\n\r\n", "a malformed chunk-size line" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY0\r\n\r\n", "chunk data not followed by CRLF but by \"XY\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", "a line ending in a bare LF in its chunk-size line: \"5\"" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n", "a body over the limit of 33554432 bytes" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2000001\r\n", "a body over the limit of 33554432 bytes" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n", "a malformed trailer field: \"Bad Trailer: x\"" },
        // Bounds.
        { "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Range(0, 70).Select(i => $"X-Field-{i:D2}: {new string('v', 1000)}\r\n")) + "\r\n", "a header section over the limit of" },
        { "HTTP/1.1 200 OK\r\nX-Big: " + new string('v', 70_000) + "\r\n\r\n", "a header section over the limit of" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 5000) + "\r\n", "a chunk-size line over the limit of 4096 bytes" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Big: " + new string('v', 70_000) + "\r\n\r\n", "a trailer section over the limit of 65536 bytes" },
    };

    [Theory]
    [MemberData(nameof(MalformedResponses))]
    public async Task A_malformed_response_is_an_invalid_response_saying_what_was_wrong_and_the_connection_is_dropped(string response, string problem)
    {
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            try
            {
                await p.SendAsync(response);
            }
            catch (IOException)
            {
                // The client stopped reading an oversized response and closed the connection under it.
            }
            Assert.True(await p.ClientClosedAsync(), "the client kept a connection that is out of step");
        });
        using var connection = new RuntimeApiConnection(peer.Address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(connection, "/2018-06-01/runtime/invocation/next"));

        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
        Assert.StartsWith("The Lambda Runtime API answered GET /2018-06-01/runtime/invocation/next with ", error.Message);
        Assert.Contains(problem, error.Message);
        await peer.Completion;
    }

    [Theory]
    [InlineData("", "closed the connection without answering (GET /next)")]
    [InlineData("HTTP/1.1 20", "in the middle of the response's status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le", "in the middle of the response's header section")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "after 3 of the 10 bytes of the response's body (GET /next)")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "after 3 of the 5 bytes of the response's chunk")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello", "in the middle of a chunk")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "in the middle of the response's chunk-size line")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n", "in the middle of the response's trailer section")]
    public async Task A_peer_that_closes_before_the_response_ends_is_a_response_ended_saying_where(string sent, string where)
    {
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            await p.SendAsync(sent);
            p.Close();
        });
        using var connection = new RuntimeApiConnection(peer.Address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(connection));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Contains(where, error.Message);
        await peer.Completion;
    }

    [Fact]
    public async Task After_a_failed_response_the_next_request_starts_on_a_new_connection()
    {
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\n");
                await p.ClientClosedAsync();
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        await Assert.ThrowsAsync<HttpRequestException>(() => Get(connection));
        Assert.Equal("ok", Text(await Get(connection)));
        await peer.Completion;
        Assert.Equal(2, peer.Accepted);
    }

    [Fact]
    public async Task Bytes_the_peer_sends_beyond_a_response_retire_the_connection()
    {
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale");
                Assert.True(await p.ClientClosedAsync());
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh");
            });
        using var connection = new RuntimeApiConnection(peer.Address);

        Assert.Equal("ok", Text(await Get(connection)));
        Assert.Equal("fresh", Text(await Get(connection)));
        await peer.Completion;
    }

    [Fact]
    public async Task A_cancelled_long_poll_drops_its_connection_and_the_next_request_opens_another()
    {
        await using var peer = ScriptedHttpPeer.Start(
            async p =>
            {
                await p.ReceiveAsync();
                Assert.True(await p.ClientClosedAsync(), "the client kept the cancelled request's connection");
            },
            async p =>
            {
                await p.ReceiveAsync();
                await p.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nevent");
            });
        using var connection = new RuntimeApiConnection(peer.Address);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get(connection, cancellationToken: cancel.Token));
        Assert.Equal("event", Text(await Get(connection)));
        await peer.Completion;
    }

    [Fact]
    public async Task One_request_at_a_time()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = ScriptedHttpPeer.Start(async p =>
        {
            await p.ReceiveAsync();
            received.SetResult();
            await p.ClientClosedAsync();
        });
        using var connection = new RuntimeApiConnection(peer.Address);
        using var cancel = new CancellationTokenSource();
        var polling = Get(connection, cancellationToken: cancel.Token);
        await received.Task.WaitAsync(s_timeout);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Get(connection));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
    }

    [Fact]
    public async Task No_listening_runtime_API_is_a_connection_error_naming_the_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        using var connection = new RuntimeApiConnection(address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Get(connection, "/2018-06-01/runtime/invocation/next"));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.StartsWith($"Could not connect to the Lambda Runtime API at {address} for GET /2018-06-01/runtime/invocation/next: ", error.Message);
        Assert.IsType<SocketException>(error.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:90x")]
    [InlineData(":9001")]
    [InlineData("::1:9001")]
    [InlineData("[localhost]:9001")]
    [InlineData("127.0.0.1:9001/a path")]
    public void An_address_that_is_not_host_and_port_is_refused(string runtimeApi)
    {
        var error = Assert.Throws<ArgumentException>(() => new RuntimeApiConnection(runtimeApi));
        Assert.Contains($"AWS_LAMBDA_RUNTIME_API is '{runtimeApi}'", error.Message);
    }

    /// <summary>A host name is resolved; a name that resolves to several addresses is tried address by address.</summary>
    [Fact]
    public async Task A_host_name_in_the_address_is_resolved()
    {
        await using var peer = Answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        using var connection = new RuntimeApiConnection(peer.Address.Replace("127.0.0.1", "localhost"));

        Assert.Equal("ok", Text(await Get(connection)));
        await peer.Completion;
    }

    [Fact]
    public async Task A_field_that_would_split_the_request_is_refused_before_anything_is_sent()
    {
        await using var peer = ScriptedHttpPeer.Start();
        using var connection = new RuntimeApiConnection(peer.Address);

        await Assert.ThrowsAsync<ArgumentException>(() => Post(connection, "/response", [], new KeyValuePair<string, string>("X-Error", "a\r\nInjected: yes")));
        await Assert.ThrowsAsync<ArgumentException>(() => Post(connection, "/response", [], new KeyValuePair<string, string>("Bad Name", "v")));
        await Assert.ThrowsAsync<ArgumentException>(() => Get(connection, "/a path"));
        Assert.Equal(0, peer.Accepted);
    }
}
