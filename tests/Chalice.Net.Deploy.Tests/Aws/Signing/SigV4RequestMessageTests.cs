using System.Net.Http.Headers;
using System.Text;
using Chalice.Deploy.Aws.Signing;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Signing;

/// <summary>Signing an <see cref="HttpRequestMessage"/>: same result as the suite, wire-path encoding rules, S3 options.</summary>
public sealed class SigV4RequestMessageTests
{
    private static readonly AwsCredentials s_credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset s_time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string> WireRepresentableCases =>
    [
        "get-vanilla", "get-vanilla-query-order-key-case", "get-vanilla-query-unreserved", "get-vanilla-query-order-encoded",
        "post-vanilla-query", "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters", "get-header-value-trim",
        "get-unreserved",
    ];

    [Theory]
    [MemberData(nameof(WireRepresentableCases))]
    public async Task Signing_a_request_message_gives_the_suites_authorization(string name)
    {
        var suiteCase = SigV4SuiteCase.Load(SharedFixtures.Path($"sigv4/{name}"));
        using var request = ToMessage(suiteCase.Request, suiteCase.Expected(".req"));

        var signature = await new SigV4Signer().SignAsync(request, s_credentials, "us-east-1", "service", s_time, TestContext.Current.CancellationToken);

        Assert.Equal(suiteCase.Expected(".authz"), signature.Authorization);
        Assert.Equal(signature.Authorization, request.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public async Task Host_with_a_port_user_agent_and_content_length_are_handled_as_aws_expects()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5000/") { Content = new ByteArrayContent("a=b"u8.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.UserAgent.ParseAdd("chalice-net/1.0");

        var signature = await new SigV4Signer().SignAsync(request, s_credentials with { SessionToken = "tok" }, "us-east-1", "iam", s_time,
            TestContext.Current.CancellationToken);

        Assert.Equal("content-type;host;x-amz-date;x-amz-security-token", signature.SignedHeaders);
        Assert.Contains("host:127.0.0.1:5000\n", signature.CanonicalRequest);
        Assert.Equal("127.0.0.1:5000", request.Headers.Host);
        Assert.Equal("tok", request.Headers.GetValues("X-Amz-Security-Token").Single());
    }

    [Fact]
    public async Task Non_s3_services_encode_the_wire_path_once_more()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://lambda.us-east-1.amazonaws.com/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af");

        var signature = await new SigV4Signer().SignAsync(request, s_credentials, "us-east-1", "lambda", s_time, TestContext.Current.CancellationToken);

        Assert.StartsWith("GET\n/2017-03-31/tags/arn%253Aaws%253Alambda%253Aus-east-1%253A1%253Afunction%253Af\n", signature.CanonicalRequest);
    }

    [Fact]
    public async Task S3_keeps_the_path_and_declares_the_payload_hash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.amazonaws.com/a//b/../c%20d.txt") { Content = new ByteArrayContent("hello"u8.ToArray()) };

        var signature = await new SigV4Signer(SigV4Options.S3).SignAsync(request, s_credentials, "us-east-1", "s3", s_time, TestContext.Current.CancellationToken);

        var lines = signature.CanonicalRequest.Split('\n');
        Assert.Equal(request.RequestUri!.AbsolutePath, lines[1]);
        Assert.Equal(SigV4Signer.HashPayload("hello"u8), lines[^1]);
        Assert.Equal(lines[^1], request.Headers.GetValues("X-Amz-Content-SHA256").Single());
        Assert.Contains("x-amz-content-sha256", signature.SignedHeaders);
    }

    [Fact]
    public async Task S3_unsigned_payload_does_not_hash_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.amazonaws.com/k") { Content = new ByteArrayContent(new byte[1024]) };

        var signature = await new SigV4Signer(SigV4Options.S3UnsignedPayload).SignAsync(request, s_credentials, "us-east-1", "s3", s_time,
            TestContext.Current.CancellationToken);

        Assert.EndsWith("\nUNSIGNED-PAYLOAD", signature.CanonicalRequest);
        Assert.Equal("UNSIGNED-PAYLOAD", request.Headers.GetValues("X-Amz-Content-SHA256").Single());
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b/c", "a%2Bb%2Fc")]
    [InlineData("!'()*", "%21%27%28%29%2A")]
    [InlineData("-_.~AZaz09", "-_.~AZaz09")]
    [InlineData("ሴ", "%E1%88%B4")]
    public void Uri_encoding_follows_rfc_3986_unreserved_characters(string value, string encoded) =>
        Assert.Equal(encoded, AwsUriEncoding.Encode(value));

    private static HttpRequestMessage ToMessage(SignableRequest signable, string rawRequest)
    {
        var host = signable.Headers.Single(h => h.Key == "Host").Value;
        var query = signable.Query.Length == 0 ? "" : "?" + signable.Query;
        var message = new HttpRequestMessage(new HttpMethod(signable.Method), $"https://{host}{signable.Path}{query}");
        var separator = rawRequest.IndexOf("\n\n", StringComparison.Ordinal);
        if (separator >= 0)
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(rawRequest[(separator + 2)..]));
        foreach (var (name, value) in signable.Headers.Where(h => h.Key is not ("Host" or "X-Amz-Date")))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
                (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
