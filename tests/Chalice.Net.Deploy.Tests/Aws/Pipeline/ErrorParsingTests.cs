using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Tests.Aws.Model;

namespace Chalice.Deploy.Tests.Aws.Pipeline;

/// <summary>Error responses of both protocols become one <see cref="AwsServiceException"/> without raw markup.</summary>
public sealed class ErrorParsingTests
{
    private static async Task<AwsServiceException> FailWith(Func<AwsClients, Task> call, HttpStatusCode status, string body, string contentType,
        params (string, string)[] headers)
    {
        var handler = new ScriptedHandler { Fallback = _ => ScriptedHandler.Response(status, body, contentType, headers) };
        using var clients = ModelConformanceTests.LocalClients(handler, new AwsClientOptions { Retry = new AwsRetryOptions { MaxAttempts = 1 } });
        return await Assert.ThrowsAsync<AwsServiceException>(() => call(clients));
    }

    public static TheoryData<string, string, string, string> RestJsonErrors => new()
    {
        // body, x-amzn-ErrorType header ("" = none), expected code, expected message
        { """{"Type":"User","Message":"Function not found: f"}""", "ResourceNotFoundException", "ResourceNotFoundException", "Function not found: f" },
        { """{"__type":"com.amazonaws.lambda#ServiceException","message":"boom"}""", "", "ServiceException", "boom" },
        { """{"code":"BadRequestException","message":"Invalid OpenAPI input."}""", "", "BadRequestException", "Invalid OpenAPI input." },
        { """{"errorMessage":"odd shape"}""", "AccessDeniedException:http://internal.amazon.com/coral/", "AccessDeniedException", "odd shape" },
        { "not json at all", "", "Http400", "the service answered HTTP 400 without an error description" },
    };

    [Theory]
    [MemberData(nameof(RestJsonErrors))]
    public async Task Rest_json_errors_are_read_from_header_type_code_and_message_fields(string body, string errorType, string code, string message)
    {
        (string, string)[] headers = errorType.Length == 0 ? [("x-amzn-RequestId", "rid")] : [("x-amzn-ErrorType", errorType), ("x-amzn-RequestId", "rid")];

        var error = await FailWith(c => c.Lambda.GetFunctionConfigurationAsync("f", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, body, "application/json", headers);

        Assert.Equal((code, message, "rid"), (error.ErrorCode, error.AwsMessage, error.RequestId));
        Assert.Equal(("Lambda", "GetFunctionConfiguration", HttpStatusCode.BadRequest), (error.Service, error.Operation, error.StatusCode));
    }

    [Fact]
    public async Task Query_errors_are_read_from_the_error_response_document()
    {
        var error = await FailWith(c => c.Iam.CreateRoleAsync(new() { RoleName = "r", AssumeRolePolicyDocument = "{" }, TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest,
            """<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>Syntax errors in policy.</Message></Error><RequestId>4a1b</RequestId></ErrorResponse>""",
            "text/xml");

        Assert.Equal(("MalformedPolicyDocument", "Syntax errors in policy.", "4a1b"), (error.ErrorCode, error.AwsMessage, error.RequestId));
        Assert.Equal("IAM CreateRole failed: MalformedPolicyDocument: Syntax errors in policy. (HTTP 400, request id 4a1b)", error.Message);
    }

    [Fact]
    public async Task Ec2_style_query_errors_are_read_too()
    {
        var error = await FailWith(c => c.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken), HttpStatusCode.Forbidden,
            "<Response><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></Errors><RequestID>r-1</RequestID></Response>",
            "text/xml");

        Assert.Equal(("InvalidClientTokenId", "r-1"), (error.ErrorCode, error.RequestId));
    }

    [Fact]
    public async Task Markup_bodies_never_reach_the_message()
    {
        var error = await FailWith(c => c.Iam.GetRoleAsync("r", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden,
            "<html><body><h1>403 Forbidden</h1></body></html>", "text/html");

        Assert.Equal("IAM GetRole failed: Http403: the service answered HTTP 403 without an error description (HTTP 403)", error.Message);
    }

    [Fact]
    public async Task A_successful_response_that_cannot_be_read_is_reported_as_malformed()
    {
        var error = await FailWith(c => c.Sts.GetCallerIdentityAsync(TestContext.Current.CancellationToken), HttpStatusCode.OK, "<html>captive portal</html>", "text/html");

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.DoesNotContain("captive portal", error.Message);
    }
}
