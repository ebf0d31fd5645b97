using System.Text;

namespace Chalice.Local.Tests;

/// <summary>
/// Requests meant to break a server. The emulator answers each as API Gateway would (its 403/413/502 bodies, or the
/// app's Chalice errors), or, for what HTTP itself forbids (an encoded NUL, oversized request lines and headers,
/// malformed framing), with Kestrel's protocol error (400, 414, 431) — those never reach the gateway, as at AWS
/// they never reach the integration; and it keeps serving.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private RunningEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await EmulatorHarness.StartTestAppAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private const string MissingToken = """{"message":"Missing Authentication Token"}""";

    public static TheoryData<string, string, string?, int, string?> Requests => new()
    {
        // name, request head (without Host/Connection), body, expected status, expected body (null: not checked)
        { "invalid JSON under a JSON content type", "POST /request HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 9\r\n", "{not json", 400, """{"Code":"BadRequestError","Message":"Error Parsing JSON"}""" },
        { "invalid JSON into a JsonNode body", "POST /json HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n", "[1,2,", 400, null },
        { "JSON with a charset and odd parameters", "POST /json HTTP/1.1\r\nContent-Type: application/json; charset=utf-8; x=y\r\nContent-Length: 7\r\n", "{\"a\":1}", 200, """{"a":1}""" },
        { "invalid UTF-8 in a text body", "POST /text HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n", "a\xff" + "b", 200, "A\uFFFDB" },
        { "invalid UTF-8 inside a JSON string", "POST /json HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 9\r\n", "{\"a\":\"\xff\"}", 200, "{\"a\":\"\uFFFD\"}" },
        { "unaccepted content type", "POST /text HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n", "{}", 415, """{"Code":"UnsupportedMediaType","Message":"Unsupported media type: application/json"}""" },
        { "a body on a GET with an unaccepted type", "GET /users/1 HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n", "hi", 415, null },
        { "an empty body where one is required", "POST /users HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 0\r\n", null, 400, """{"Code":"BadRequestError","Message":"Missing request body for parameter 'user'."}""" },
        { "a chunked text body", "POST /text HTTP/1.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n", "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", 200, "ABCDE" },
        { "a chunked JSON body", "POST /users HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "6\r\n{\"id\":\r\nD\r\n3,\"name\":\"x\"}\r\n0\r\n\r\n", 201, """{"id":3,"name":"x","note":null}""" },
        // A REST API passes path parameters on undecoded (PathEncodingCases), so %31%32 is no number.
        { "an encoded path parameter", "GET /users/%31%32 HTTP/1.1\r\n", null, 400, """{"Code":"BadRequestError","Message":"Invalid value '%31%32' for path parameter 'id': expected an integer."}""" },
        { "an invalid percent escape", "GET /files/%ZZ HTTP/1.1\r\n", null, 200, "greedy:%ZZ" },
        { "a lone percent sign", "GET /files/100% HTTP/1.1\r\n", null, 200, "greedy:100%" },
        { "an encoded slash in a greedy parameter", "GET /files/a%2Fb HTTP/1.1\r\n", null, 200, "greedy:a%2Fb" },
        { "encoded dots", "GET /files/%2e%2e/x HTTP/1.1\r\n", null, 200, "greedy:%2e%2e/x" },
        { "an encoded NUL (Kestrel refuses it)", "GET /files/a%00b HTTP/1.1\r\n", null, 400, null },
        { "dot segments climbing to another route", "GET /users/../static HTTP/1.1\r\n", null, 200, "static" },
        { "dot segments climbing above the root", "GET /../../etc/passwd HTTP/1.1\r\n", null, 403, MissingToken },
        { "an empty segment", "GET //static HTTP/1.1\r\n", null, 403, MissingToken },
        { "a long unknown path", $"GET /{new string('a', 6000)} HTTP/1.1\r\n", null, 403, MissingToken },
        { "a path longer than the request line limit", $"GET /{new string('a', 20000)} HTTP/1.1\r\n", null, 414, null },
        // The deployed API defines only the routes' methods; the gateway answers any other as an unknown route.
        { "an unknown method", "BREW /users/1 HTTP/1.1\r\n", null, 403, MissingToken },
        { "HEAD on a GET route", "HEAD /users/1 HTTP/1.1\r\n", null, 403, "" },
        { "OPTIONS without CORS", "OPTIONS /users/1 HTTP/1.1\r\n", null, 403, MissingToken },
        { "OPTIONS with CORS", "OPTIONS /cors HTTP/1.1\r\nOrigin: https://example.com\r\nAccess-Control-Request-Method: PUT\r\n", null, 200, "" },
        { "an unknown route", "GET /nope HTTP/1.1\r\n", null, 403, MissingToken },
        { "query escapes, plus signs and a euro sign", "GET /search?q=%E2%82%AC&tag=a+b&tag=%2B HTTP/1.1\r\n", null, 200, """["€","a b","+","no-limit"]""" },
        { "an invalid query escape", "GET /search?q=%G1 HTTP/1.1\r\n", null, 200, """["%G1","no-limit"]""" },
        { "a repeated query key", "GET /search?q=&q=x HTTP/1.1\r\n", null, 200, """["x","no-limit"]""" },
        { "a non-numeric value for an int", "GET /users/1e400 HTTP/1.1\r\n", null, 400, """{"Code":"BadRequestError","Message":"Invalid value '1e400' for path parameter 'id': expected an integer."}""" },
        { "an overflowing int", "GET /double/99999999999 HTTP/1.1\r\n", null, 400, null },
        { "an empty header value", "GET /static HTTP/1.1\r\nX-Empty:\r\n", null, 200, "static" },
        { "ninety headers", "GET /static HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 90).Select(i => $"X-H{i}: {i}\r\n")), null, 200, "static" },
        { "more headers than the server accepts", "GET /static HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 120).Select(i => $"X-H{i}: {i}\r\n")), null, 431, null },
        { "headers larger than the server accepts", $"GET /static HTTP/1.1\r\nX-Big: {new string('b', 40000)}\r\n", null, 431, null },
        { "an absolute-form target", "GET http://localhost:{port}/static HTTP/1.1\r\n", null, 200, "static" },
        { "an absolute-form target keeps its escapes", "GET http://localhost:{port}/files/%41%20b?q=1 HTTP/1.1\r\n", null, 200, "greedy:%41%20b" },
        { "HTTP/1.0 without a Host", "GET /static HTTP/1.0\r\n", null, 200, "static" },
        { "both Content-Length and chunked (chunked wins)", "POST /text HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n", "2\r\nok\r\n0\r\n\r\n", 200, "OK" },
        { "an invalid Content-Length", "POST /text HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: abc\r\n", null, 400, null },
        { "a handler that throws", "GET /crash HTTP/1.1\r\n", null, 500, """{"Code":"InternalServerError","Message":"An internal server error occurred."}""" },
        { "a function failure", "GET /unencodable HTTP/1.1\r\n", null, 502, """{"message": "Internal server error"}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Hostile_request_is_answered_and_the_emulator_keeps_serving(string name, string head, string? body, int status, string? expectedBody)
    {
        var host = head.Contains("HTTP/1.0", StringComparison.Ordinal) ? "" : $"Host: localhost:{_emulator.BaseAddress.Port}\r\n";
        var port = _emulator.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await RawHttp.SendAsync(_emulator.BaseAddress, head.Replace("{port}", port) + host + "Connection: close\r\n\r\n", body is null ? null : Encoding.Latin1.GetBytes(body));

        Assert.True(status == response.Status, $"{name}: expected {status}, got {response.Status} {response.BodyText}");
        if (expectedBody is not null)
            Assert.Equal(expectedBody, response.BodyText);

        var alive = await RawHttp.SendAsync(_emulator.BaseAddress, $"GET /static HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, alive.Status);
    }

    [Fact]
    public async Task Bodies_over_ten_megabytes_are_413()
    {
        using var client = EmulatorHarness.Client(_emulator);
        using var response = await client.PostAsync("/text", new ByteArrayContent(new byte[10 * 1024 * 1024 + 1]) { Headers = { ContentType = new("text/plain") } });
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("""{"message":"Request Too Long"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_over_lambdas_six_megabytes_are_413_and_responses_over_it_are_502()
    {
        using var client = EmulatorHarness.Client(_emulator);
        using var request = await client.PostAsync("/text", new ByteArrayContent(Encoding.ASCII.GetBytes(new string('a', 7 * 1024 * 1024))) { Headers = { ContentType = new("text/plain") } });
        Assert.Equal(413, (int)request.StatusCode);

        using var response = await client.GetAsync($"/big/{7 * 1024 * 1024}");
        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("""{"message": "Internal server error"}""", await response.Content.ReadAsStringAsync());

        using var justUnder = await client.GetAsync($"/big/{1024 * 1024}");
        Assert.Equal(200, (int)justUnder.StatusCode);
        Assert.Equal(1024 * 1024, (await justUnder.Content.ReadAsByteArrayAsync()).Length);
    }
}
