using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.AuthApp;
using Chalice.Deploy.Aws.Signing;
using Chalice.Gateway;
using Chalice.Gateway.Authorization;
using Chalice.Hosting;

namespace Chalice.Local.Tests.Authorization;

/// <summary>
/// An <c>[IamAuthorizer]</c> route locally: requests signed with Signature Version 4 and the local credentials pass,
/// with who signed in <c>requestContext.identity</c>; unsigned, badly signed, malformed and stale ones get API Gateway's
/// 403s (their sources are on SignatureRefusal).
/// </summary>
public sealed class IamAuthorizerTests
{
    private static readonly AwsCredentials s_local = new(SignatureAuthorizer.LocalAccessKey, SignatureAuthorizer.LocalAccessKey);

    [Fact]
    public async Task A_request_signed_with_the_local_credentials_reaches_the_handler_with_its_signer_in_the_identity()
    {
        var (response, eventJson) = await SendAsync(Signed("GET", "/signed", s_local, DateTimeOffset.UtcNow));

        Assert.Equal(200, response.StatusCode);
        var identity = JsonNode.Parse(eventJson!)!["requestContext"]!["identity"]!;
        Assert.Equal(("chalice-local", "123456789012", "arn:aws:iam::123456789012:user/chalice-local"),
            (identity["accessKey"]!.GetValue<string>(), identity["accountId"]!.GetValue<string>(), identity["userArn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_signed_body_is_part_of_the_signature()
    {
        var request = Signed("POST", "/signed", s_local, DateTimeOffset.UtcNow, body: """{"a":1}""");
        var tampered = request with { Body = Encoding.UTF8.GetBytes("""{"a":2}""") };

        Assert.Equal(200, (await SendAsync(request)).Response.StatusCode);
        var (refused, _) = await SendAsync(tampered);
        AssertRefused(refused, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        Assert.Contains("The Canonical String for this request should have been\n'POST\n/signed\n", Message(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_request_is_Missing_Authentication_Token()
    {
        var (response, _) = await SendAsync(new GatewayRequest("GET", "/signed", "", [new("Host", "localhost")], default));

        AssertRefused(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    [Fact]
    public async Task Another_secret_is_an_invalid_signature()
    {
        var (response, _) = await SendAsync(Signed("GET", "/signed", s_local with { SecretAccessKey = "guess" }, DateTimeOffset.UtcNow));

        AssertRefused(response, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    }

    [Fact]
    public async Task An_access_key_that_is_not_the_local_one_is_unrecognized()
    {
        var (response, _) = await SendAsync(Signed("GET", "/signed", new AwsCredentials("AKIDEXAMPLE", "secret"), DateTimeOffset.UtcNow));

        AssertRefused(response, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    [Fact]
    public async Task A_signature_older_than_five_minutes_has_expired()
    {
        var (response, _) = await SendAsync(Signed("GET", "/signed", s_local, DateTimeOffset.UtcNow.AddMinutes(-6)));

        AssertRefused(response, "InvalidSignatureException", "Signature expired: ");
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=chalice-local/20260101/us-east-1/execute-api/aws4_request", "Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 garbage", "'garbage' not a valid key=value pair (missing equal-sign) in Authorization header")]
    public async Task A_malformed_Authorization_header_is_an_incomplete_signature(string authorization, string message)
    {
        var request = new GatewayRequest("GET", "/signed", "",
            [new("Host", "localhost"), new("X-Amz-Date", "20260101T000000Z"), new("Authorization", authorization)], default);

        var (response, _) = await SendAsync(request);

        AssertRefused(response, "IncompleteSignatureException", message);
    }

    [Fact]
    public async Task A_signature_for_another_service_is_refused()
    {
        var signer = new SigV4Signer();
        var request = new GatewayRequest("GET", "/signed", "", [new("Host", "localhost")], default);
        var signature = signer.Sign(new SignableRequest("GET", "/signed", "", request.Headers, SigV4Signer.HashPayload([])), s_local, "us-east-1", "s3", DateTimeOffset.UtcNow);

        var (response, _) = await SendAsync(request with { Headers = [.. request.Headers, .. signature.HeadersToSet] });

        AssertRefused(response, "InvalidSignatureException", "Credential should be scoped to correct service: 'execute-api'.");
    }

    [Fact]
    public async Task Behind_an_HTTP_API_the_signer_is_in_the_authorizers_iam_member()
    {
        var (response, eventJson) = await SendAsync(Signed("GET", "/signed", s_local, DateTimeOffset.UtcNow), ApiGatewayType.HttpPayloadV2);

        Assert.Equal(200, response.StatusCode);
        // shared/fixtures/events/apigw-v2-request-iam.json
        Assert.Equal("chalice-local", JsonNode.Parse(eventJson!)!["requestContext"]!["authorizer"]!["iam"]!["accessKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_HTTP_the_emulator_takes_a_request_signed_as_an_SDK_signs_it()
    {
        await using var emulator = await LocalEmulator.StartAsync(
            EmulatorHarness.Definition<App>(), new EmulatorOptions { Port = 0, ProjectDirectory = EmulatorHarness.AppFolder("{}") });
        using var http = EmulatorHarness.Client(emulator);
        var signer = new SigV4Signer();

        using var signed = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "/signed?b=2&a=1")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        await signer.SignAsync(signed, s_local, "us-east-1", "execute-api", DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        using var allowed = await http.SendAsync(signed, TestContext.Current.CancellationToken);
        using var unsigned = await http.GetAsync("/signed", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", await unsigned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("MissingAuthenticationTokenException", unsigned.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    private static GatewayRequest Signed(string method, string path, AwsCredentials credentials, DateTimeOffset time, string? body = null)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        List<KeyValuePair<string, string>> headers = [new("Host", "localhost")];
        if (body is not null)
            headers.Add(new("Content-Type", "application/json"));
        var signature = new SigV4Signer().Sign(new SignableRequest(method, path, "", headers, SigV4Signer.HashPayload(bytes)), credentials, "us-east-1", "execute-api", time);
        return new GatewayRequest(method, path, "", [.. headers, .. signature.HeadersToSet], bytes);
    }

    private static async Task<(GatewayResponse Response, string? EventJson)> SendAsync(GatewayRequest request, ApiGatewayType type = ApiGatewayType.Rest)
    {
        await using var application = ChaliceApplication.Create<App>();
        var gateway = BuiltInAuthorizerTests.Gateway(application, new GatewayOptions { ApiType = type });
        string? seen = null;
        var response = await gateway.HandleAsync(request, (json, ct) =>
        {
            seen = Encoding.UTF8.GetString(json.Span);
            return application.Dispatcher.DispatchAsync(json, null, ct);
        });
        return (response, seen);
    }

    private static string Message(GatewayResponse response) => JsonNode.Parse(response.Body)!["message"]!.GetValue<string>();

    private static void AssertRefused(GatewayResponse response, string errorType, string messageStart)
    {
        Assert.Equal(403, response.StatusCode);
        Assert.Equal(errorType, response.Header("x-amzn-ErrorType"));
        Assert.StartsWith(messageStart, Message(response), StringComparison.Ordinal);
    }
}
