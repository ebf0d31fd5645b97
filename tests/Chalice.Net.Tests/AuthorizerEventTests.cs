using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// What API Gateway sends a Lambda authorizer and what the authorizer answers, from aws-lambda-go's and
/// aws-lambda-dotnet's samples and AWS's documentation.
/// </summary>
public sealed class AuthorizerEventTests
{
    [Fact]
    public void Rest_token_request()
    {
        var request = LambdaEventJson.Parse<ApiGatewayAuthorizerRequest>(SharedFixtures.ReadText("events/apigw-custom-auth-request.json"));

        Assert.Equal("TOKEN", request.Type);
        Assert.Equal("allow", request.AuthorizationToken);
        Assert.Equal("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/", request.MethodArn);
        Assert.Null(request.Headers);
    }

    [Fact]
    public void Rest_request_type_request()
    {
        var request = LambdaEventJson.Parse<ApiGatewayAuthorizerRequest>(SharedFixtures.ReadText("events/apigw-custom-auth-request-type-request.json"));

        Assert.Equal("REQUEST", request.Type);
        Assert.Null(request.Version);
        Assert.Equal("headerValue1", request.Headers!["HeaderAuth1"]);
        Assert.Equal(["headerValue1"], request.MultiValueHeaders!["HeaderAuth1"]);
        Assert.Equal("queryValue1", request.QueryStringParameters!["QueryString1"]);
        Assert.Equal("stageValue1", request.StageVariables!["StageVar1"]);
        Assert.Empty(request.PathParameters!);
        Assert.Equal("test", request.RequestContext!.Stage);
        Assert.Equal("1", request.RequestContext.Identity!.ClientCert!["serialNumber"]!.GetValue<string>());
    }

    [Fact]
    public void HTTP_API_payload_1_request()
    {
        var request = LambdaEventJson.Parse<ApiGatewayAuthorizerRequest>(SharedFixtures.ReadText("events/apigw-v2-custom-authorizer-v1-request.json"));

        Assert.Equal("1.0", request.Version);
        Assert.Equal("user1,123", request.IdentitySource);
        Assert.Equal("user1,123", request.AuthorizationToken);
    }

    [Theory]
    [InlineData("events/apigw-v2-custom-authorizer-v2-request.json")]
    [InlineData("events/aws-lambda-dotnet/custom-authorizer-v2-request.json")]
    public void HTTP_API_payload_2_request(string fixture)
    {
        var request = LambdaEventJson.Parse<HttpApiV2AuthorizerRequest>(SharedFixtures.ReadText(fixture));

        Assert.Equal("2.0", request.Version);
        Assert.Equal("REQUEST", request.Type);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request", request.RouteArn);
        Assert.Equal(["user1", "123"], request.IdentitySource!);
        Assert.Equal(["cookie1", "cookie2"], request.Cookies!);
        Assert.Equal("POST", request.RequestContext!.Http!.Method);
        Assert.Equal("value1", request.PathParameters!["parameter1"]);
    }

    [Fact]
    public void Policy_response_keeps_arrays_as_arrays()
    {
        var response = LambdaEventJson.Parse<ApiGatewayAuthorizerResponse>(SharedFixtures.ReadText("events/apigw-custom-auth-response.json"));

        Assert.Equal("yyyyyyyy", response.PrincipalId);
        Assert.Equal("{api-key}", response.UsageIdentifierKey);
        Assert.Equal("1", response.Context!["numberKey"]!.GetValue<string>());
        var statement = Assert.Single(response.PolicyDocument.Statement);
        Assert.True(statement.Action!.IsList);
        Assert.Equal(["execute-api:Invoke"], statement.Action);
        Assert.True(statement.Resource!.IsList);
    }

    [Fact]
    public void Policy_response_in_AWS_documentation_form_round_trips_exactly()
    {
        // AWS documents Action and Resource as plain strings:
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
        const string documented = """
            {
              "principalId": "yyyyyyyy",
              "policyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                  {
                    "Action": "execute-api:Invoke",
                    "Effect": "Allow|Deny",
                    "Resource": "arn:aws:execute-api:{regionId}:{accountId}:{apiId}/{stage}/{httpVerb}/[{resource}/[{child-resources}]]"
                  }
                ]
              },
              "context": { "stringKey": "value", "numberKey": "1", "booleanKey": "true" },
              "usageIdentifierKey": "{api-key}"
            }
            """;

        var response = LambdaEventJson.Parse<ApiGatewayAuthorizerResponse>(documented);

        var statement = Assert.Single(response.PolicyDocument.Statement);
        Assert.False(statement.Action!.IsList);
        Assert.Equal("execute-api:Invoke", Assert.Single(statement.Action));
        Assert.Equal(LambdaEventFixtureTests.Minified(documented), Encoding.UTF8.GetString(LambdaEventJson.Serialize(response)));
    }

    [Fact]
    public void Policy_response_built_in_code()
    {
        var response = new ApiGatewayAuthorizerResponse
        {
            PrincipalId = "user-1",
            PolicyDocument = new IamPolicyDocument
            {
                Version = "2012-10-17",
                Statement =
                [
                    new IamPolicyStatement { Action = "execute-api:Invoke", Effect = "Allow", Resource = ["arn:a/dev/GET/x", "arn:a/dev/PUT/x"] },
                    new IamPolicyStatement { Action = ["execute-api:Invoke"], Effect = "Deny", Resource = "arn:a/dev/*/admin" },
                ],
            },
            Context = new JsonObject { ["tier"] = "gold", ["level"] = 3, ["admin"] = false },
        };

        Assert.Equal(
            """{"principalId":"user-1","policyDocument":{"Version":"2012-10-17","Statement":[""" +
            """{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["arn:a/dev/GET/x","arn:a/dev/PUT/x"]},""" +
            """{"Action":["execute-api:Invoke"],"Effect":"Deny","Resource":"arn:a/dev/*/admin"}]},"context":""" +
            """{"tier":"gold","level":3,"admin":false}}""",
            Encoding.UTF8.GetString(LambdaEventJson.Serialize(response)));
    }

    [Theory]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Action":7}]}}""")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Resource":["a",{}]}]}}""")]
    public void A_policy_value_that_is_not_a_string_or_strings_is_rejected(string json)
    {
        var error = Assert.Throws<JsonException>(() => LambdaEventJson.Parse<ApiGatewayAuthorizerResponse>(json));
        Assert.Contains("Expected a string or an array of strings.", error.Message);
    }

    [Fact]
    public void Simple_response()
    {
        var response = LambdaEventJson.Parse<HttpApiV2AuthorizerSimpleResponse>(
            SharedFixtures.ReadText("events/aws-lambda-dotnet/custom-authorizer-v2-simple-response.json"));

        Assert.True(response.IsAuthorized);
        Assert.Equal("exampleValue", response.Context!["exampleKey"]!.GetValue<string>());
        Assert.Equal("""{"isAuthorized":false}""",
            Encoding.UTF8.GetString(LambdaEventJson.Serialize(new HttpApiV2AuthorizerSimpleResponse { IsAuthorized = false })));
    }
}
