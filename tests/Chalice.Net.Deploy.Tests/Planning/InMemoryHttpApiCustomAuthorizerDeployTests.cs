using Chalice.Deploy.Manifest;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// <c>[CustomAuthorizer]</c> (an existing Lambda function, Chalice's <c>CustomAuthorizer</c>) on a stage with
/// <c>"api_gateway_type": "http"</c>, against an AWS account in memory: the HTTP API's Lambda authorizer as AWS documents
/// one (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html: type REQUEST, the
/// function's invocation URI, a payload format version, identity sources as <c>$request.header.…</c>, a TTL), its routes
/// <c>CUSTOM</c> with its id. The function is not the app's: the deployer neither makes it nor grants API Gateway
/// anything on it (its owner does, as with Chalice). A no-op redeploy changes nothing, a change is one call, and an
/// unused one goes.
/// </summary>
public sealed class InMemoryHttpApiCustomAuthorizerDeployTests : IDisposable
{
    private const string PartnerArn = "arn:aws:lambda:us-east-1:123456789012:function:partner-auth";

    private const string PartnerUri = $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{PartnerArn}/invocations";

    // A TOKEN authorizer reading the Authorization header, as [CustomAuthorizer("partner", ARN)] declares it.
    private static readonly CustomAuthorizerManifest s_partner = new("partner", PartnerArn, "TOKEN", ["method.request.header.Authorization"], 60);

    private readonly InMemoryStage _stage = new()
    {
        ConfigJson = InMemoryStage.HttpApiConfig, Authorizers = [s_partner], Routes = InMemoryStage.GuardedRoutes("partner"),
    };

    private InMemoryAws Aws => _stage.Aws;

    [Fact]
    public async Task A_first_deploy_creates_the_authorizer_calling_the_existing_function_and_grants_nothing_on_it()
    {
        var (_, calls) = await _stage.DeployAsync();

        var authorizer = _stage.AssertGuardedHttpApiCreated(calls, "CUSTOM");
        Assert.Equal(("partner", "REQUEST", PartnerUri, "2.0", 60, false),
            (authorizer.Name, authorizer.AuthorizerType, authorizer.AuthorizerUri, authorizer.AuthorizerPayloadFormatVersion,
             authorizer.AuthorizerResultTtlInSeconds, authorizer.EnableSimpleResponses));
        // A TOKEN authorizer's header is its identity source: HTTP APIs have no TOKEN type.
        Assert.Equal(["$request.header.Authorization"], authorizer.IdentitySource);
        // The only function is the app's, and the only permission the one that lets the API invoke it.
        Assert.Equal(["s3test-dev"], Aws.FakeLambda.FunctionNames);
        Assert.Single(calls.MutatingOperations, o => o == "Lambda AddPermission");
    }

    [Fact]
    public async Task An_invocation_URI_is_kept_and_a_REQUEST_authorizer_keeps_its_identity_sources_on_a_payload_1_0_stage()
    {
        _stage.ConfigJson = """{ "app_name": "s3test", "stages": { "dev": { "api_gateway_type": "http-v1" } } }""";
        _stage.Authorizers = [s_partner with
        {
            AuthorizerUri = PartnerUri, Type = "REQUEST", IdentitySources = ["method.request.header.X-Key", "method.request.querystring.tenant"],
        }];

        await _stage.DeployAsync();

        var authorizer = Assert.Single(Aws.FakeApiGatewayV2.AuthorizersOf(Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId));
        Assert.Equal((PartnerUri, "1.0", null), (authorizer.AuthorizerUri, authorizer.AuthorizerPayloadFormatVersion, authorizer.EnableSimpleResponses));
        Assert.Equal(["$request.header.X-Key", "$request.querystring.tenant"], authorizer.IdentitySource);
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_app_reads_the_authorizer_and_makes_no_mutating_call()
    {
        await _stage.DeployAsync();

        await _stage.AssertHttpApiRedeployChangesNothingAsync();
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "function", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "TTL", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "header", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "every route opened", ["ApiGatewayV2 UpdateRoute", "ApiGatewayV2 UpdateRoute", "ApiGatewayV2 DeleteAuthorizer"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_kind_of_custom_authorizer_change_updates_only_what_differs(string change, string[] expected)
    {
        await _stage.DeployAsync();
        switch (change)
        {
            case "function": _stage.Authorizers = [s_partner with { AuthorizerUri = PartnerArn + "-v2" }]; break;
            case "TTL": _stage.Authorizers = [s_partner with { TtlSeconds = 300 }]; break;
            case "header": _stage.Authorizers = [s_partner with { IdentitySources = ["method.request.header.X-Partner-Token"] }]; break;
            case "every route opened": _stage.Routes = InMemoryStage.GuardedRoutes(null); break;
        }

        var authorizers = await _stage.AssertHttpApiChangeAsync(expected);
        switch (change)
        {
            case "function": Assert.Equal(PartnerUri.Replace("partner-auth", "partner-auth-v2", StringComparison.Ordinal), Assert.Single(authorizers).AuthorizerUri); break;
            case "TTL": Assert.Equal(300, Assert.Single(authorizers).AuthorizerResultTtlInSeconds); break;
            case "header": Assert.Equal(["$request.header.X-Partner-Token"], Assert.Single(authorizers).IdentitySource); break;
            case "every route opened": Assert.Empty(authorizers); break;
        }
    }

    [Fact]
    public async Task A_built_in_authorizer_replaced_by_a_custom_one_of_the_same_name_is_updated_to_call_the_existing_function()
    {
        _stage.Authorizers = [];
        _stage.Functions = [new AuthorizerFunctionManifest("partner", "Partner", "TOKEN", ["method.request.header.Authorization"], 60)];
        await _stage.DeployAsync();
        _stage.Functions = [];
        _stage.Authorizers = [s_partner];

        var (_, calls) = await _stage.DeployAsync();

        Assert.Contains("ApiGatewayV2 UpdateAuthorizer", calls.MutatingOperations);
        Assert.DoesNotContain("ApiGatewayV2 CreateAuthorizer", calls.MutatingOperations);
        Assert.Equal(PartnerUri, Assert.Single(Aws.FakeApiGatewayV2.AuthorizersOf(Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId)).AuthorizerUri);
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    public void Dispose() => _stage.Dispose();
}
