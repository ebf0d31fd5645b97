using System.Text.Json.Nodes;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;

namespace Chalice.Deploy.Tests.Deploying;

public sealed class OpenApiDocumentTests
{
    private const string Uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:app-dev/invocations";

    private static readonly OpenApiSettings s_settings = new("app-dev", "Chalice.Net app app, stage dev", Uri, BinaryMediaTypes.Default);

    private static RouteManifest Route(string path, string[] methods, CorsManifest? cors = null, bool apiKey = false, string? authorizer = null) =>
        new(path, methods, "Handler", "handler", ["application/json"], cors, apiKey, authorizer);

    private static JsonObject Document(params RouteManifest[] routes) =>
        OpenApiDocument.Create(new AppManifest("app", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)], routes), s_settings);

    [Fact]
    public void Every_method_is_its_own_lambda_proxy_operation()
    {
        var document = Document(Route("/objects/{key}", ["GET", "PUT"]));

        Assert.Equal("3.0.1", document["openapi"]!.GetValue<string>());
        Assert.Equal("Chalice.Net app app, stage dev", document["info"]!["description"]!.GetValue<string>());
        var path = document["paths"]!["/objects/{key}"]!.AsObject();
        Assert.Equal(["get", "put"], path.Select(p => p.Key));
        foreach (var (_, operation) in path)
        {
            var integration = operation!["x-amazon-apigateway-integration"]!;
            Assert.Equal("aws_proxy", integration["type"]!.GetValue<string>());
            Assert.Equal("POST", integration["httpMethod"]!.GetValue<string>());
            Assert.Equal(Uri, integration["uri"]!.GetValue<string>());
            var parameter = Assert.Single(operation["parameters"]!.AsArray())!;
            Assert.Equal(("key", "path", true), (parameter["name"]!.GetValue<string>(), parameter["in"]!.GetValue<string>(), parameter["required"]!.GetValue<bool>()));
        }
        Assert.DoesNotContain("x-amazon-apigateway-any-method", document.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(BinaryMediaTypes.Default,
            document["x-amazon-apigateway-binary-media-types"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void A_greedy_segment_names_its_parameter_without_the_plus_as_REST_APIs_require()
    {
        var document = Document(Route("/files/{path+}", ["GET"]));

        Assert.Equal("path", document["paths"]!["/files/{path+}"]!["get"]!["parameters"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_cors_route_gets_chalices_mock_preflight()
    {
        var cors = new CorsManifest("https://example.com", ["X-Custom"], ["X-Expose"], 600, AllowCredentials: true);
        var document = Document(Route("/cors", ["GET", "PUT"], cors), Route("/plain", ["GET"]));

        var preflight = document["paths"]!["/cors"]!["options"]!;
        var integration = preflight["x-amazon-apigateway-integration"]!;
        Assert.Equal("mock", integration["type"]!.GetValue<string>());
        Assert.Equal("""{"statusCode": 200}""", integration["requestTemplates"]!["application/json"]!.GetValue<string>());
        var headers = integration["responses"]!["default"]!["responseParameters"]!.AsObject()
            .ToDictionary(p => p.Key["method.response.header.".Length..], p => p.Value!.GetValue<string>());
        Assert.Equal("'GET,PUT,OPTIONS'", headers["Access-Control-Allow-Methods"]);
        Assert.Equal("'https://example.com'", headers["Access-Control-Allow-Origin"]);
        Assert.Equal("'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Custom'", headers["Access-Control-Allow-Headers"]);
        Assert.Equal("'X-Expose'", headers["Access-Control-Expose-Headers"]);
        Assert.Equal("'600'", headers["Access-Control-Max-Age"]);
        Assert.Equal("'true'", headers["Access-Control-Allow-Credentials"]);
        Assert.Equal(headers.Keys, preflight["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key));
        Assert.Null(document["paths"]!["/plain"]!["options"]);
    }

    [Fact]
    public void The_preflight_offers_only_the_methods_that_have_cors()
    {
        // As Chalice's swagger: methods_with_cors + ['OPTIONS'] (chalice/deploy/swagger.py, _add_route_paths at
        // https://github.com/aws/chalice/blob/51ac904059a27a79a792d74037728594c1a427f5/chalice/deploy/swagger.py).
        var document = Document(Route("/mixed", ["GET"]), Route("/mixed", ["POST"], new CorsManifest("*", [], [], null, false)));

        var parameters = document["paths"]!["/mixed"]!["options"]!["x-amazon-apigateway-integration"]!["responses"]!["default"]!["responseParameters"]!;
        Assert.Equal("'POST,OPTIONS'", parameters["method.response.header.Access-Control-Allow-Methods"]!.GetValue<string>());
    }

    [Fact]
    public void A_path_that_serves_options_itself_gets_no_mock_preflight()
    {
        var document = Document(Route("/own", ["GET", "OPTIONS"], new CorsManifest("*", [], [], null, false)));

        Assert.Equal("aws_proxy", document["paths"]!["/own"]!["options"]!["x-amazon-apigateway-integration"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Api_key_routes_require_the_api_key_scheme()
    {
        var document = Document(Route("/secret", ["GET"], apiKey: true), Route("/open", ["GET"]));

        Assert.Equal("header", document["components"]!["securitySchemes"]!["api_key"]!["in"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/secret"]!["get"]!["security"]);
        Assert.Null(document["paths"]!["/open"]!["get"]!["security"]);
    }

    private const string AuthorizerUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:app-dev-Tokens/invocations";

    private static readonly AuthorizerFunctionManifest s_tokens = new("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300);
    private static readonly AuthorizerFunctionManifest s_tenants =
        new("ByTenant", "Tenants", "REQUEST", ["method.request.header.X-Key", "method.request.querystring.tenant"], 0);

    private static JsonObject DocumentWithAuthorizers(IReadOnlyDictionary<string, JsonNode> uris, params RouteManifest[] routes) =>
        OpenApiDocument.Create(
            new AppManifest("app", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName), s_tokens, s_tenants], routes),
            s_settings with { AuthorizerUris = uris });

    [Fact]
    public void A_built_in_authorizer_is_a_custom_security_scheme_as_Chalice_writes_it()
    {
        // chalice/deploy/swagger.py (_generate_security_from_auth_obj) and API Gateway's x-amazon-apigateway-authorizer
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html).
        var document = DocumentWithAuthorizers(
            new Dictionary<string, JsonNode> { ["Tokens"] = AuthorizerUri, ["ByTenant"] = AuthorizerUri },
            Route("/orders", ["GET"], apiKey: true, authorizer: "Tokens"), Route("/tenants", ["GET"], authorizer: "ByTenant"), Route("/open", ["GET"]));

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(
            $$$"""{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"custom","x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"{{{AuthorizerUri}}}","authorizerResultTtlInSeconds":300}}""",
            schemes["Tokens"]!.ToJsonString());
        Assert.Equal(
            $$$"""{"type":"apiKey","name":"X-Key","in":"header","x-amazon-apigateway-authtype":"custom","x-amazon-apigateway-authorizer":{"type":"request","authorizerUri":"{{{AuthorizerUri}}}","authorizerResultTtlInSeconds":0,"identitySource":"method.request.header.X-Key, method.request.querystring.tenant"}}""",
            schemes["ByTenant"]!.ToJsonString());
        Assert.Equal("""[{"api_key":[],"Tokens":[]}]""", document["paths"]!["/orders"]!["get"]!["security"]!.ToJsonString());
        Assert.Equal("""[{"ByTenant":[]}]""", document["paths"]!["/tenants"]!["get"]!["security"]!.ToJsonString());
        Assert.Null(document["paths"]!["/open"]!["get"]!["security"]);
    }

    [Fact]
    public void An_authorizer_whose_function_is_not_deployed_is_refused_rather_than_deployed_open()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DocumentWithAuthorizers(new Dictionary<string, JsonNode>(), Route("/private", ["GET"], authorizer: "Tokens")));
        Assert.Contains("authorizer 'Tokens'", error.Message, StringComparison.Ordinal);
        Assert.Contains("deployed open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_authorizers_are_the_security_schemes_Chalice_writes_for_them()
    {
        // chalice/app.py: CognitoUserPoolAuthorizer, IAMAuthorizer and CustomAuthorizer.to_swagger; authorizerUri is
        // an invocation URI (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html).
        var manifest = new AppManifest("app", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)],
            [Route("/me", ["GET"], authorizer: "users"), Route("/signed", ["GET"], authorizer: "iam"), Route("/partner", ["GET"], authorizer: "partner")])
        {
            Authorizers =
            [
                new CognitoUserPoolAuthorizerManifest("users", ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"], "X-Token"),
                new IamAuthorizerManifest("iam"),
                new CustomAuthorizerManifest("partner", "arn:aws:lambda:eu-west-1:123456789012:function:partner-auth", "TOKEN", ["method.request.header.Authorization"], 60),
            ],
        };

        var schemes = OpenApiDocument.Create(manifest, s_settings)["components"]!["securitySchemes"]!;

        Assert.Equal(
            """{"type":"apiKey","name":"X-Token","in":"header","x-amazon-apigateway-authtype":"cognito_user_pools","x-amazon-apigateway-authorizer":{"type":"cognito_user_pools","providerARNs":["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"]}}""",
            schemes["users"]!.ToJsonString());
        Assert.Equal("""{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"awsSigv4"}""", schemes["iam"]!.ToJsonString());
        Assert.Equal(
            """{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"custom","x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:partner-auth/invocations","authorizerResultTtlInSeconds":60}}""",
            schemes["partner"]!.ToJsonString());
    }

    [Fact]
    public void A_JWT_authorizer_on_a_REST_API_is_refused()
    {
        var manifest = new AppManifest("app", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName)], [Route("/me", ["GET"], authorizer: "jwt")])
        {
            Authorizers = [new JwtAuthorizerManifest("jwt", "https://issuer.example.com", ["api"], "Authorization")],
        };

        var error = Assert.Throws<InvalidDataException>(() => OpenApiDocument.Create(manifest, s_settings));
        Assert.Contains("only HTTP APIs have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authorizer_answering_simple_responses_on_a_REST_API_is_refused_in_one_line()
    {
        // enableSimpleResponses: "Supported only for HTTP APIs" (API Gateway v2's CreateAuthorizer); a REST API would
        // read the answer as a policy and fail every request with 500.
        var manifest = new AppManifest("app", [new ApiFunctionManifest(ApiFunctionManifest.DefaultName), s_tokens with { SimpleResponses = true }],
            [Route("/private", ["GET"], authorizer: "Tokens")]);

        var error = Assert.Throws<InvalidDataException>(() =>
            OpenApiDocument.Create(manifest, s_settings with { AuthorizerUris = new Dictionary<string, JsonNode> { ["Tokens"] = AuthorizerUri } }));
        Assert.Equal(
            "The authorizer 'Tokens' answers with a SimpleAuthResponse, which only HTTP APIs read; this app deploys a REST API " +
            "(return an AuthResponse, or deploy an HTTP API with \"api_gateway_type\": \"http\").", error.Message);
    }

    [Fact]
    public void An_authorizer_the_app_does_not_declare_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Document(Route("/private", ["GET"], authorizer: "jwt")));
        Assert.Contains("authorizer 'jwt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_changes_exactly_when_the_document_does()
    {
        var routes = new[] { Route("/b", ["POST", "GET"]), Route("/a", ["GET"]) };
        var same = Document([.. routes.Reverse()]);

        Assert.Equal(OpenApiDocument.Hash(Document(routes)), OpenApiDocument.Hash(same));
        Assert.NotEqual(OpenApiDocument.Hash(Document(routes)), OpenApiDocument.Hash(Document(Route("/a", ["GET"]))));
        Assert.Equal(["/a", "/b"], Document(routes)["paths"]!.AsObject().Select(p => p.Key));
    }
}
