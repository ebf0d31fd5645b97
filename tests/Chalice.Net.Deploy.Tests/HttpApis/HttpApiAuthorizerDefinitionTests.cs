using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.HttpApis;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;

namespace Chalice.Deploy.Tests.HttpApis;

/// <summary>
/// Each authorizer kind of an HTTP API: a built-in or custom authorizer as a Lambda authorizer, its identity sources in
/// the HTTP API's mapping syntax (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
/// "Identity sources": <c>$request.header.name</c>, <c>$request.querystring.name</c>, <c>$context.variableName</c>,
/// <c>$stageVariables.variableName</c>), a custom one calling its function's invocation URI
/// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html, authorizerUri); a JWT authorizer; and
/// what makes an existing authorizer differ from each.
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
        var definition = HttpApiLambdaAuthorizer.For(new AuthorizerFunctionManifest("A", "A", "REQUEST", [rest], 0), "2.0");

        Assert.Equal([http], definition.IdentitySource);
    }

    [Fact]
    public void An_identity_source_HTTP_APIs_do_not_have_is_one_line_naming_the_authorizer()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => HttpApiLambdaAuthorizer.For(new AuthorizerFunctionManifest("A", "A", "REQUEST", ["method.request.path.id"], 0), "2.0"));

        Assert.Equal("The authorizer 'A' reads its identity from method.request.path.id, which HTTP APIs do not have.", error.Message);
    }

    [Fact]
    public void An_authorizer_as_created_does_not_differ_and_each_changed_member_does()
    {
        var definition = HttpApiLambdaAuthorizer.For(new AuthorizerFunctionManifest("A", "A", "TOKEN", ["method.request.header.Authorization"], 300), "2.0");
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

    [Theory]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:partner",
        "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:partner/invocations")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:function:partner:live",
        "arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:partner:live/invocations")]
    [InlineData(Uri, Uri)]
    public void A_custom_authorizer_calls_its_functions_invocation_URI_and_its_template_names_the_function(string declared, string uri)
    {
        var definition = HttpApiLambdaAuthorizer.For(new CustomAuthorizerManifest("partner", declared, "TOKEN", ["method.request.header.Authorization"], 60), "2.0");

        var function = Assert.IsType<ExistingAuthorizerFunction>(definition.Function);
        Assert.Equal(uri, function.InvocationUri);
        Assert.Equal(("REQUEST", "CUSTOM", 60, false), (definition.AuthorizerType, definition.RouteAuthorizationType, definition.TtlSeconds, definition.EnableSimpleResponses));
        Assert.Equal(["$request.header.Authorization"], definition.IdentitySource);
        Assert.Equal(uri, definition.CloudFormationProperties("api", new Dictionary<string, string>())["AuthorizerUri"]!.GetValue<string>());
        // SAM's LambdaAuthorizer takes the function's ARN, not its URI.
        Assert.Equal(declared.StartsWith("arn:aws:apigateway:", StringComparison.Ordinal) ? "arn:aws:lambda:us-east-1:123456789012:function:a" : declared,
            definition.SamAuthorizer(new Dictionary<string, string>())["FunctionArn"]!.GetValue<string>());
    }

    [Fact]
    public void A_function_ARN_is_read_only_from_a_function_ARN_or_an_invocation_URI()
    {
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:a", AuthorizerScheme.FunctionArn(Uri));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:a", AuthorizerScheme.FunctionArn("arn:aws:lambda:us-east-1:123456789012:function:a"));
        var error = Assert.Throws<InvalidDataException>(() => AuthorizerScheme.FunctionArn("arn:aws:s3:::bucket"));
        Assert.Equal("'arn:aws:s3:::bucket' is neither a Lambda function's ARN nor API Gateway's invocation URI of one.", error.Message);
    }

    [Fact]
    public void Simple_responses_are_sent_for_payload_2_0_only_and_a_switch_either_way_differs()
    {
        var policies = HttpApiLambdaAuthorizer.For(new AuthorizerFunctionManifest("A", "A", "TOKEN", ["method.request.header.Authorization"], 0), "2.0");
        var simple = policies with { SimpleResponses = true };
        var existing = new HttpApiAuthorizer
        {
            AuthorizerId = "id", Name = "A", AuthorizerType = "REQUEST", AuthorizerUri = Uri, AuthorizerPayloadFormatVersion = "2.0",
            AuthorizerResultTtlInSeconds = 0, EnableSimpleResponses = false, IdentitySource = ["$request.header.Authorization"],
        };

        Assert.Equal((false, true, null), (policies.Request("api", "", Uri).EnableSimpleResponses, simple.Request("api", "", Uri).EnableSimpleResponses,
            (policies with { PayloadFormatVersion = "1.0" }).Request("api", "", Uri).EnableSimpleResponses));
        Assert.True(simple.CloudFormationProperties("api", new Dictionary<string, string> { ["A"] = "AFunction" })["EnableSimpleResponses"]!.GetValue<bool>());
        Assert.Equal("the authorizer expects IAM policies", simple.Difference(existing, Uri));
        Assert.Null(simple.Difference(existing with { EnableSimpleResponses = true }, Uri));
    }

    [Fact]
    public void A_JWT_authorizer_as_created_does_not_differ_and_each_changed_member_does()
    {
        var definition = HttpApiJwtAuthorizer.For(new JwtAuthorizerManifest("Pool", "https://issuer.example.com/", ["client-1"], "Authorization"));
        var request = definition.Request("api", "", authorizerUri: null);
        var existing = new HttpApiAuthorizer
        {
            AuthorizerId = "id", Name = request.Name, AuthorizerType = request.AuthorizerType, IdentitySource = request.IdentitySource,
            JwtConfiguration = request.JwtConfiguration,
        };

        Assert.Equal(("JWT", "JWT", null, null, null), (request.AuthorizerType, definition.RouteAuthorizationType, request.AuthorizerUri,
            request.AuthorizerPayloadFormatVersion, request.AuthorizerResultTtlInSeconds));
        Assert.Null(definition.Difference(existing, null));
        Assert.Equal("the authorizer trusts another issuer",
            definition.Difference(existing with { JwtConfiguration = existing.JwtConfiguration! with { Issuer = "https://other.example.com/" } }, null));
        Assert.Equal("the authorizer's audiences differ",
            definition.Difference(existing with { JwtConfiguration = existing.JwtConfiguration! with { Audience = ["client-2"] } }, null));
        Assert.Equal("the authorizer's identity sources differ", definition.Difference(existing with { IdentitySource = ["$request.header.X"] }, null));
        Assert.Equal("the authorizer is of type REQUEST, not JWT", definition.Difference(existing with { AuthorizerType = "REQUEST" }, null));
    }

    [Fact]
    public void An_app_authorizer_returning_simple_responses_deploys_with_them_on()
    {
        // EnableSimpleResponses: "If enabled, the Lambda authorizer can return a boolean value instead of an IAM policy"
        // (API Gateway v2's CreateAuthorizer; http-api-lambda-authorizer.html, payload format 2.0 only).
        var definition = HttpApiLambdaAuthorizer.For(new AuthorizerFunctionManifest("A", "A", "TOKEN", ["method.request.header.X-Key"], 300, SimpleResponses: true), "2.0");

        Assert.True(definition.Request("api", "", Uri).EnableSimpleResponses);
    }

    [Fact]
    public void Simple_responses_behind_payload_1_0_are_one_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => HttpApiLambdaAuthorizer.For(
            new AuthorizerFunctionManifest("Keys", "Keys", "TOKEN", ["method.request.header.X-Key"], 300, SimpleResponses: true), "1.0"));

        Assert.StartsWith("The authorizer 'Keys' answers with a SimpleAuthResponse, which HTTP APIs read with payload format 2.0 only", error.Message, StringComparison.Ordinal);
    }
}
