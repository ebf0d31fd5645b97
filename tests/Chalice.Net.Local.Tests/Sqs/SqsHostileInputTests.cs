using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Chalice.Local.Tests.Sqs;

/// <summary>Whatever arrives, the stand-in answers with an SQS error in SQS's JSON shape, never a crash or a hang.</summary>
public sealed class SqsHostileInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("AmazonSQS.SendMessage", "{not json", 400, "SerializationException")]
    [InlineData("AmazonSQS.SendMessage", "[1,2,3]", 400, "SerializationException")]
    [InlineData("AmazonSQS.SendMessage", "{\"QueueUrl\": 5, \"MessageBody\": \"x\"}", 400, "SerializationException")]
    [InlineData("AmazonSQS.SendMessage", "", 400, "SerializationException")]
    [InlineData("AmazonSQS.SendMessage", "{\"QueueUrl\": \"http://h/123456789012/q\"}", 400, "MissingParameter")]
    [InlineData("AmazonSQS.ReceiveMessage", "{}", 400, "MissingParameter")]
    [InlineData("AmazonSQS.Frobnicate", "{}", 400, "UnknownOperationException")]
    [InlineData("", "{}", 400, "UnknownOperationException")]
    [InlineData("AmazonSQS.AddPermission", "{}", 400, "AWS.SimpleQueueService.UnsupportedOperation")]
    public async Task Malformed_requests_get_sqs_errors(string target, string body, int status, string code)
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var http = new HttpClient { BaseAddress = session.Endpoint };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        if (target.Length > 0)
            request.Headers.Add("X-Amz-Target", target);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(code + ";Sender", response.Headers.GetValues("x-amzn-query-error").Single(), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("com.amazonaws.sqs#", json.RootElement.GetProperty("__type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_body_over_four_mebibytes_is_refused_without_reading_it_all()
    {
        await using var session = await SqsStandInSession.StartAsync("q");
        using var http = new HttpClient { BaseAddress = session.Endpoint };
        var body = "{\"QueueUrl\":\"q\",\"MessageBody\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.Add("X-Amz-Target", "AmazonSQS.SendMessage");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("InvalidParameterValue;", response.Headers.GetValues("x-amzn-query-error").Single(), StringComparison.Ordinal);
    }
}
