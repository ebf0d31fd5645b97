using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Deploy.Templates;

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>
/// <c>package</c> of an HTTP API stage: SAM's <c>AWS::Serverless::HttpApi</c> with <c>HttpApi</c> events, and plain
/// CloudFormation's <c>AWS::ApiGatewayV2</c> resources, each with the routes, payload format and CORS a direct deploy
/// makes, and cfn-lint clean.
/// </summary>
public sealed class HttpApiTemplateTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static readonly CorsManifest s_cors = new("https://example.com", ["X-Trace"], ["X-Id"], 300, AllowCredentials: true);

    private static DeploymentSpec Spec(string type)
    {
        var config = ChaliceConfig.Parse($$"""{ "stages": { "prod": { "api_gateway_type": "{{type}}" } } }""");
        return new()
        {
            AppName = "shop",
            Config = config.ForStage("prod"),
            FunctionConfig = function => config.ForStage("prod", function),
            Package = new LambdaPackage("deployment.zip", "sha=", 1, "provided.al2023", "bootstrap", "x86_64", [], ""),
            Manifest = new AppManifest("shop", [], [
            new RouteManifest("/items/{id}", ["GET", "PUT"], "Items", "items", [], s_cors, false, null),
            new RouteManifest("/files/{proxy+}", ["GET"], "Files", "files", [], s_cors, false, null),
            ]),
            Policy = _ => Task.FromResult(FunctionPolicies.Same(Policy)),
        };
    }

    [Fact]
    public async Task A_sam_template_has_an_HttpApi_with_its_CORS_and_one_event_per_route_and_is_lint_clean()
    {
        var template = StackTemplate.Create(Spec("http"), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var api = template["Resources"]!["HttpApi"]!;
        Assert.Equal("AWS::Serverless::HttpApi", api["Type"]!.GetValue<string>());
        var cors = api["Properties"]!["CorsConfiguration"]!;
        Assert.Equal(["https://example.com"], cors["AllowOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["GET", "PUT", "OPTIONS"], cors["AllowMethods"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(cors["AllowCredentials"]!.GetValue<bool>());
        var events = template["Resources"]!["APIHandler"]!["Properties"]!["Events"]!.AsObject().Select(e => e.Value!["Properties"]!).ToList();
        Assert.Equal(["GET /files/{proxy+}", "GET /items/{id}", "PUT /items/{id}"],
            events.Select(e => $"{e["Method"]!.GetValue<string>()} {e["Path"]!.GetValue<string>()}").Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal(("HttpApi", "2.0"), (e["ApiId"]!["Ref"]!.GetValue<string>(), e["PayloadFormatVersion"]!.GetValue<string>())));
        Assert.Null(template["Resources"]!["RestAPI"]);
        Assert.Equal("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/", template["Outputs"]!["EndpointURL"]!["Value"]!["Fn::Sub"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public async Task A_cloudformation_template_has_the_ApiGatewayV2_API_integration_routes_stage_and_permission_and_is_lint_clean()
    {
        var template = StackTemplate.Create(Spec("http-v1"), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var resources = template["Resources"]!.AsObject();
        Assert.Equal("HTTP", resources["HttpApi"]!["Properties"]!["ProtocolType"]!.GetValue<string>());
        Assert.Equal(300, resources["HttpApi"]!["Properties"]!["CorsConfiguration"]!["MaxAge"]!.GetValue<int>());
        var integration = resources["HttpApiIntegration"]!["Properties"]!;
        Assert.Equal(("AWS_PROXY", "1.0"), (integration["IntegrationType"]!.GetValue<string>(), integration["PayloadFormatVersion"]!.GetValue<string>()));
        Assert.Equal(["APIHandler", "Arn"], integration["IntegrationUri"]!["Fn::GetAtt"]!.AsArray().Select(p => p!.GetValue<string>()));
        var routes = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route").Select(r => r.Value!["Properties"]!).ToList();
        Assert.Equal(["GET /files/{proxy+}", "GET /items/{id}", "PUT /items/{id}"], routes.Select(r => r["RouteKey"]!.GetValue<string>()));
        Assert.All(routes, r => Assert.Equal("integrations/${HttpApiIntegration}", r["Target"]!["Fn::Sub"]!.GetValue<string>()));
        var stage = resources["HttpApiDefaultStage"]!["Properties"]!;
        Assert.Equal(("$default", true), (stage["StageName"]!.GetValue<string>(), stage["AutoDeploy"]!.GetValue<bool>()));
        Assert.Equal("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*",
            resources["APIHandlerInvokePermission"]!["Properties"]!["SourceArn"]!["Fn::Sub"]!.GetValue<string>());
        await CfnLint.AssertCleanAsync(template);
    }

    private static DeploymentSpec WithAuthorizers(string type) => Spec(type) with
    {
        Manifest = new AppManifest("shop",
            [
                new AuthorizerFunctionManifest("Tokens", "Tokens", "TOKEN", ["method.request.header.Authorization"], 300),
                new AuthorizerFunctionManifest("ByTenant", "Tenants", "REQUEST", ["method.request.header.X-Key", "method.request.querystring.tenant"], 0),
            ],
            [
                new RouteManifest("/items/{id}", ["GET", "PUT"], "Items", "items", [], null, false, "Tokens"),
                new RouteManifest("/tenants", ["GET"], "Tenants", "tenants", [], null, false, "ByTenant"),
                new RouteManifest("/health", ["GET"], "Health", "health", [], null, false, null),
            ]),
    };

    [Fact]
    public async Task A_cloudformation_template_has_the_Lambda_authorizers_CUSTOM_routes_and_the_authorizers_permissions_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithAuthorizers("http"), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var resources = template["Resources"]!.AsObject();
        var tokens = resources["TokensHttpApiAuthorizer"]!;
        Assert.Equal("AWS::ApiGatewayV2::Authorizer", tokens["Type"]!.GetValue<string>());
        var properties = tokens["Properties"]!;
        Assert.Equal(("Tokens", "REQUEST", "2.0", 300, false),
            (properties["Name"]!.GetValue<string>(), properties["AuthorizerType"]!.GetValue<string>(), properties["AuthorizerPayloadFormatVersion"]!.GetValue<string>(),
             properties["AuthorizerResultTtlInSeconds"]!.GetValue<int>(), properties["EnableSimpleResponses"]!.GetValue<bool>()));
        Assert.Equal("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Tokens.Arn}/invocations",
            properties["AuthorizerUri"]!["Fn::Sub"]!.GetValue<string>());
        Assert.Equal(["$request.header.Authorization"], properties["IdentitySource"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["$request.header.X-Key", "$request.querystring.tenant"],
            resources["ByTenantHttpApiAuthorizer"]!["Properties"]!["IdentitySource"]!.AsArray().Select(s => s!.GetValue<string>()));
        var routes = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route").Select(r => r.Value!["Properties"]!)
            .ToDictionary(r => r["RouteKey"]!.GetValue<string>());
        Assert.Equal(("CUSTOM", "TokensHttpApiAuthorizer"), (routes["PUT /items/{id}"]["AuthorizationType"]!.GetValue<string>(), routes["PUT /items/{id}"]["AuthorizerId"]!["Ref"]!.GetValue<string>()));
        Assert.Equal(("CUSTOM", "ByTenantHttpApiAuthorizer"), (routes["GET /tenants"]["AuthorizationType"]!.GetValue<string>(), routes["GET /tenants"]["AuthorizerId"]!["Ref"]!.GetValue<string>()));
        Assert.Equal("NONE", routes["GET /health"]["AuthorizationType"]!.GetValue<string>());
        Assert.Null(routes["GET /health"]["AuthorizerId"]);
        Assert.Equal("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/authorizers/*",
            resources["TokensInvokePermission"]!["Properties"]!["SourceArn"]!["Fn::Sub"]!.GetValue<string>());
        Assert.NotNull(resources["ByTenantInvokePermission"]);
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public async Task A_sam_template_declares_the_authorizers_on_the_HttpApi_and_names_them_on_the_route_events_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithAuthorizers("http-v1"), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var authorizers = template["Resources"]!["HttpApi"]!["Properties"]!["Auth"]!["Authorizers"]!;
        var tenants = authorizers["ByTenant"]!;
        Assert.Equal(["ByTenant", "Arn"], tenants["FunctionArn"]!["Fn::GetAtt"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("1.0", tenants["AuthorizerPayloadFormatVersion"]!.GetValue<string>());
        // Simple responses exist for payload 2.0 only.
        Assert.Null(tenants["EnableSimpleResponses"]);
        Assert.Equal("""{"ReauthorizeEvery":0,"Headers":["X-Key"],"QueryStrings":["tenant"]}""", tenants["Identity"]!.ToJsonString());
        Assert.Equal("""{"ReauthorizeEvery":300,"Headers":["Authorization"]}""", authorizers["Tokens"]!["Identity"]!.ToJsonString());
        var events = template["Resources"]!["APIHandler"]!["Properties"]!["Events"]!.AsObject().Select(e => e.Value!["Properties"]!)
            .ToDictionary(e => $"{e["Method"]!.GetValue<string>()} {e["Path"]!.GetValue<string>()}");
        Assert.Equal("Tokens", events["GET /items/{id}"]["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.Equal("ByTenant", events["GET /tenants"]["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.Null(events["GET /health"]["Auth"]);
        Assert.NotNull(template["Resources"]!["TokensInvokePermission"]);
        await CfnLint.AssertCleanAsync(template);
    }

    private static DeploymentSpec WithJwtAuthorizer(string type) => Spec(type) with
    {
        Manifest = new AppManifest("shop", [],
            [
                new RouteManifest("/items/{id}", ["GET"], "Items", "items", [], null, false, "Pool"),
                new RouteManifest("/health", ["GET"], "Health", "health", [], null, false, null),
                new RouteManifest("/signed", ["POST"], "Signed", "signed", [], null, false, "Signed"),
            ])
        {
            Authorizers = [new IamAuthorizerManifest("Signed"), new JwtAuthorizerManifest("Pool", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", ["client-1", "client-2"], "Authorization")],
        },
    };

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-authorizer.html (JwtConfiguration)
    [Fact]
    public async Task A_cloudformation_template_has_the_JWT_authorizer_JWT_routes_and_AWS_IAM_routes_without_a_permission_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithJwtAuthorizer("http"), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var resources = template["Resources"]!.AsObject();
        var pool = resources["PoolHttpApiAuthorizer"]!;
        Assert.Equal("AWS::ApiGatewayV2::Authorizer", pool["Type"]!.GetValue<string>());
        Assert.Equal(
            """{"ApiId":{"Ref":"HttpApi"},"Name":"Pool","AuthorizerType":"JWT","IdentitySource":["$request.header.Authorization"],"""
            + """ "JwtConfiguration":{"Issuer":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc","Audience":["client-1","client-2"]}}""".TrimStart(),
            pool["Properties"]!.ToJsonString());
        var route = resources.Select(r => r.Value!).Single(r => r["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route"
            && r["Properties"]!["RouteKey"]!.GetValue<string>() == "GET /items/{id}")["Properties"]!;
        Assert.Equal(("JWT", "PoolHttpApiAuthorizer"), (route["AuthorizationType"]!.GetValue<string>(), route["AuthorizerId"]!["Ref"]!.GetValue<string>()));
        // IAM: AWS_IAM, no authorizer resource (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html).
        var signed = resources.Select(r => r.Value!).Single(r => r["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route"
            && r["Properties"]!["RouteKey"]!.GetValue<string>() == "POST /signed")["Properties"]!;
        Assert.Equal(("AWS_IAM", null), (signed["AuthorizationType"]!.GetValue<string>(), signed["AuthorizerId"]));
        Assert.Single(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Authorizer");
        Assert.DoesNotContain(resources, r => r.Key.StartsWith("Pool", StringComparison.Ordinal) && r.Key.EndsWith("InvokePermission", StringComparison.Ordinal));
        await CfnLint.AssertCleanAsync(template);
    }

    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-oauth2authorizer.html
    [Fact]
    public async Task A_sam_template_declares_the_JWT_authorizer_as_an_OAuth2_authorizer_and_IAM_routes_as_AWS_IAM_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithJwtAuthorizer("http"), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var pool = template["Resources"]!["HttpApi"]!["Properties"]!["Auth"]!["Authorizers"]!["Pool"]!;
        Assert.Equal(
            """{"IdentitySource":"$request.header.Authorization","JwtConfiguration":{"issuer":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc","audience":["client-1","client-2"]}}""",
            pool.ToJsonString());
        var events = template["Resources"]!["APIHandler"]!["Properties"]!["Events"]!.AsObject().Select(e => e.Value!["Properties"]!)
            .ToDictionary(e => $"{e["Method"]!.GetValue<string>()} {e["Path"]!.GetValue<string>()}");
        Assert.Equal("Pool", events["GET /items/{id}"]["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.Equal("AWS_IAM", events["POST /signed"]["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.True(template["Resources"]!["HttpApi"]!["Properties"]!["Auth"]!["EnableIamAuthorizer"]!.GetValue<bool>());
        await CfnLint.AssertCleanAsync(template);
    }

    private const string PartnerArn = "arn:aws:lambda:us-east-1:123456789012:function:partner-auth";

    private const string PartnerUri = $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{PartnerArn}/invocations";

    private static DeploymentSpec WithCustomAuthorizer(string type) => Spec(type) with
    {
        Manifest = new AppManifest("shop", [],
            [
                new RouteManifest("/items/{id}", ["GET"], "Items", "items", [], null, false, "partner"),
                new RouteManifest("/health", ["GET"], "Health", "health", [], null, false, null),
            ])
        {
            Authorizers = [new CustomAuthorizerManifest("partner", PartnerArn, "TOKEN", ["method.request.header.X-Partner-Token"], 60)],
        },
    };

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-authorizer.html (AuthorizerUri)
    [Fact]
    public async Task A_cloudformation_template_has_the_custom_authorizer_with_its_literal_URI_CUSTOM_routes_and_no_permission_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithCustomAuthorizer("http"), FunctionPolicies.Same(Policy), TemplateFormat.CloudFormation);

        var resources = template["Resources"]!.AsObject();
        Assert.Equal(
            $$"""{"ApiId":{"Ref":"HttpApi"},"Name":"partner","AuthorizerType":"REQUEST","AuthorizerUri":"{{PartnerUri}}","AuthorizerPayloadFormatVersion":"2.0","AuthorizerResultTtlInSeconds":"""
            + """60,"IdentitySource":["$request.header.X-Partner-Token"],"EnableSimpleResponses":false}""",
            resources["partnerHttpApiAuthorizer"]!["Properties"]!.ToJsonString());
        var route = resources.Select(r => r.Value!).Single(r => r["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route"
            && r["Properties"]!["RouteKey"]!.GetValue<string>() == "GET /items/{id}")["Properties"]!;
        Assert.Equal(("CUSTOM", "partnerHttpApiAuthorizer"), (route["AuthorizationType"]!.GetValue<string>(), route["AuthorizerId"]!["Ref"]!.GetValue<string>()));
        // The function is not the template's: its owner lets API Gateway invoke it. The one permission is the API handler's.
        Assert.Equal(["APIHandlerInvokePermission"], resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Permission").Select(r => r.Key));
        await CfnLint.AssertCleanAsync(template);
    }

    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-lambdaauthorizer.html (FunctionArn)
    [Fact]
    public async Task A_sam_template_declares_the_custom_authorizer_with_the_functions_ARN_and_no_permission_and_is_lint_clean()
    {
        var template = StackTemplate.Create(WithCustomAuthorizer("http"), FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        var partner = template["Resources"]!["HttpApi"]!["Properties"]!["Auth"]!["Authorizers"]!["partner"]!;
        Assert.Equal(
            $$"""{"FunctionArn":"{{PartnerArn}}","AuthorizerPayloadFormatVersion":"2.0","Identity":{"ReauthorizeEvery":60,"Headers":["X-Partner-Token"]},"EnableSimpleResponses":false}""",
            partner.ToJsonString());
        var events = template["Resources"]!["APIHandler"]!["Properties"]!["Events"]!.AsObject().Select(e => e.Value!["Properties"]!)
            .ToDictionary(e => $"{e["Method"]!.GetValue<string>()} {e["Path"]!.GetValue<string>()}");
        Assert.Equal("partner", events["GET /items/{id}"]["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.DoesNotContain(template["Resources"]!.AsObject(), r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Permission");
        await CfnLint.AssertCleanAsync(template);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_authorizer_answering_simple_responses_is_written_with_them_on_and_is_lint_clean(bool sam)
    {
        var format = sam ? TemplateFormat.Sam : TemplateFormat.CloudFormation;
        var spec = Spec("http") with
        {
            Manifest = new AppManifest("shop",
                [new AuthorizerFunctionManifest("Keys", "Keys", "TOKEN", ["method.request.header.X-Key"], 300, SimpleResponses: true)],
                [new RouteManifest("/keys", ["GET"], "Keyed", "keyed", [], null, false, "Keys")]),
        };

        var template = StackTemplate.Create(spec, FunctionPolicies.Same(Policy), format);

        var authorizer = sam
            ? template["Resources"]!["HttpApi"]!["Properties"]!["Auth"]!["Authorizers"]!["Keys"]!
            : template["Resources"]!["KeysHttpApiAuthorizer"]!["Properties"]!;
        Assert.True(authorizer["EnableSimpleResponses"]!.GetValue<bool>());
        await CfnLint.AssertCleanAsync(template);
    }

    [Fact]
    public void A_REST_stage_keeps_its_REST_API()
    {
        var template = StackTemplate.Create(Spec("rest") with { Manifest = new AppManifest("shop", [], [new RouteManifest("/items", ["GET"], "Items", "items", [], null, false, null)]) },
            FunctionPolicies.Same(Policy), TemplateFormat.Sam);

        Assert.NotNull(template["Resources"]!["RestAPI"]);
        Assert.Null(template["Resources"]!["HttpApi"]);
    }
}
