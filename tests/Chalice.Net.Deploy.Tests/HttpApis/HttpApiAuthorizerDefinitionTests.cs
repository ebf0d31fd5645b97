using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.HttpApis;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.Tests.HttpApis;

/// <summary>
/// A built-in authorizer as an HTTP API's Lambda authorizer: its identity sources in the HTTP API's mapping syntax
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html, "Identity sources":
/// <c>$request.header.name</c>, <c>$request.querystring.name</c>, <c>$context.variableName</c>,
/// <c>$stageVariables.variableName</c>), and what makes an existing authorizer differ.
/// </summary>
public sealed class HttpApiAuthorizerDefinitionTests
{
    private const string Uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:a/invocations";

    [Theory]
    [InlineData("method.request.header.Authorization", "$request.header.Authorization")]
    [InlineData("method.request.querystring.tenant", "$request.querystring.tenant")]
    [InlineData("stageVariables.realm", "$stageVariables.realm")]
    [InlineData("context.identity.sourceIp", "$context.identity.sourceIp")]
    public void Each_REST_identity_source_becomes_its_HTTP_API_mapping_expression(string rest, string http)
    {
        var definition = HttpApiAuthorizerDefinition.For(new AuthorizerFunctionManifest("A", "A", "REQUEST", [rest], 0), "2.0");

        Assert.Equal([http], definition.IdentitySource);
    }

    [Fact]
    public void An_identity_source_HTTP_APIs_do_not_have_is_one_line_naming_the_authorizer()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => HttpApiAuthorizerDefinition.For(new AuthorizerFunctionManifest("A", "A", "REQUEST", ["method.request.path.id"], 0), "2.0"));

        Assert.Equal("The authorizer 'A' reads its identity from method.request.path.id, which HTTP APIs do not have.", error.Message);
    }

    [Fact]
    public void An_authorizer_as_created_does_not_differ_and_each_changed_member_does()
    {
        var definition = HttpApiAuthorizerDefinition.For(new AuthorizerFunctionManifest("A", "A", "TOKEN", ["method.request.header.Authorization"], 300), "2.0");
        var request = definition.Request("api", "", Uri);
        var existing = new HttpApiAuthorizer
        {
            AuthorizerId = "id", Name = request.Name, AuthorizerType = request.AuthorizerType, AuthorizerUri = request.AuthorizerUri,
            AuthorizerPayloadFormatVersion = request.AuthorizerPayloadFormatVersion, AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds,
            EnableSimpleResponses = request.EnableSimpleResponses, IdentitySource = request.IdentitySource,
        };

        Assert.Null(definition.Difference(existing, Uri));
        Assert.Equal("the authorizer calls another function", definition.Difference(existing, Uri.Replace("function:a", "function:b", StringComparison.Ordinal)));
        Assert.Equal("the authorizer's TTL is 60 s, not 300 s", definition.Difference(existing with { AuthorizerResultTtlInSeconds = 60 }, Uri));
        Assert.Equal("the authorizer's payload format is 1.0, not 2.0", definition.Difference(existing with { AuthorizerPayloadFormatVersion = "1.0" }, Uri));
        Assert.Equal("the authorizer expects simple responses", definition.Difference(existing with { EnableSimpleResponses = true }, Uri));
        Assert.Equal("the authorizer's identity sources differ", definition.Difference(existing with { IdentitySource = ["$request.header.X"] }, Uri));
        Assert.Equal("the authorizer is of type JWT, not REQUEST", definition.Difference(existing with { AuthorizerType = "JWT" }, Uri));
    }

    [Fact]
    public void An_authorizer_returning_simple_responses_turns_them_on_and_an_existing_one_without_them_differs()
    {
        // EnableSimpleResponses: "If enabled, the Lambda authorizer can return a boolean value instead of an IAM policy"
        // (API Gateway v2's CreateAuthorizer; http-api-lambda-authorizer.html, payload format 2.0 only).
        var definition = HttpApiAuthorizerDefinition.For(new AuthorizerFunctionManifest("A", "A", "TOKEN", ["method.request.header.X-Key"], 300, SimpleResponses: true), "2.0");
        var request = definition.Request("api", "", Uri);
        var existing = new HttpApiAuthorizer
        {
            AuthorizerId = "id", Name = request.Name, AuthorizerType = request.AuthorizerType, AuthorizerUri = request.AuthorizerUri,
            AuthorizerPayloadFormatVersion = request.AuthorizerPayloadFormatVersion, AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds,
            EnableSimpleResponses = request.EnableSimpleResponses, IdentitySource = request.IdentitySource,
        };

        Assert.True(request.EnableSimpleResponses);
        Assert.Null(definition.Difference(existing, Uri));
        Assert.Equal("the authorizer expects IAM policies", definition.Difference(existing with { EnableSimpleResponses = false }, Uri));
    }

    [Fact]
    public void Simple_responses_behind_payload_1_0_are_one_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => HttpApiAuthorizerDefinition.For(
            new AuthorizerFunctionManifest("Keys", "Keys", "TOKEN", ["method.request.header.X-Key"], 300, SimpleResponses: true), "1.0"));

        Assert.StartsWith("The authorizer 'Keys' answers with a SimpleAuthResponse, which HTTP APIs read with payload format 2.0 only", error.Message, StringComparison.Ordinal);
    }
}
