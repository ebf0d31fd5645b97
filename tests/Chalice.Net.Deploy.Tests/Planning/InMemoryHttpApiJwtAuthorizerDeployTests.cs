using Chalice.Deploy.Manifest;
using Chalice.Deploy.Tests.Fakes;

namespace Chalice.Deploy.Tests.Planning;

/// <summary>
/// <c>[JwtAuthorizer]</c> on a stage with <c>"api_gateway_type": "http"</c>, against an AWS account in memory: the HTTP
/// API's own JWT authorizer as AWS documents it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html: type JWT, the token's
/// header as identity source, a JWTConfiguration of issuer and audience; the model is
/// /work/shared/fixtures/aws-models/apigatewayv2/2018-11-29/service-2.json), its routes of authorization type JWT with
/// its id; no function and no permission. A no-op redeploy changes nothing, a change is one call, and an unused one goes.
/// </summary>
public sealed class InMemoryHttpApiJwtAuthorizerDeployTests : IDisposable
{
    private static readonly JwtAuthorizerManifest s_pool =
        new("Pool", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", ["client-1"], "Authorization");

    private readonly InMemoryStage _stage = new()
    {
        ConfigJson = InMemoryStage.HttpApiConfig, Authorizers = [s_pool], Routes = InMemoryStage.GuardedRoutes("Pool"),
    };

    private InMemoryAws Aws => _stage.Aws;

    [Fact]
    public async Task A_first_deploy_creates_the_JWT_authorizer_and_its_routes_use_it_as_JWT()
    {
        var (_, calls) = await _stage.DeployAsync();

        var authorizer = _stage.AssertGuardedHttpApiCreated(calls, "JWT");
        Assert.Equal(("Pool", "JWT", null, null, null, null),
            (authorizer.Name, authorizer.AuthorizerType, authorizer.AuthorizerUri, authorizer.AuthorizerPayloadFormatVersion,
             authorizer.AuthorizerResultTtlInSeconds, authorizer.EnableSimpleResponses));
        Assert.Equal(["$request.header.Authorization"], authorizer.IdentitySource);
        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", authorizer.JwtConfiguration?.Issuer);
        Assert.Equal(["client-1"], authorizer.JwtConfiguration?.Audience);
    }

    [Fact]
    public async Task A_redeploy_of_an_unchanged_app_reads_the_JWT_authorizer_and_makes_no_mutating_call()
    {
        await _stage.DeployAsync();

        await _stage.AssertHttpApiRedeployChangesNothingAsync();
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "issuer", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "audiences", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "header", ["ApiGatewayV2 UpdateAuthorizer"] },
        { "every route opened", ["ApiGatewayV2 UpdateRoute", "ApiGatewayV2 UpdateRoute", "ApiGatewayV2 DeleteAuthorizer"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_kind_of_JWT_authorizer_change_updates_only_what_differs(string change, string[] expected)
    {
        await _stage.DeployAsync();
        switch (change)
        {
            case "issuer": _stage.Authorizers = [s_pool with { Issuer = "https://issuer.example.com" }]; break;
            case "audiences": _stage.Authorizers = [s_pool with { Audiences = ["client-1", "client-2"] }]; break;
            case "header": _stage.Authorizers = [s_pool with { Header = "X-Token" }]; break;
            case "every route opened": _stage.Routes = InMemoryStage.GuardedRoutes(null); break;
        }

        var authorizers = await _stage.AssertHttpApiChangeAsync(expected);
        switch (change)
        {
            case "issuer": Assert.Equal("https://issuer.example.com", Assert.Single(authorizers).JwtConfiguration?.Issuer); break;
            case "audiences": Assert.Equal(["client-1", "client-2"], Assert.Single(authorizers).JwtConfiguration?.Audience); break;
            case "header": Assert.Equal(["$request.header.X-Token"], Assert.Single(authorizers).IdentitySource); break;
            case "every route opened": Assert.Empty(authorizers); break;
        }
    }

    [Fact]
    public async Task A_route_naming_a_Cognito_authorizer_is_refused_in_one_line_that_says_to_declare_a_JWT_authorizer()
    {
        _stage.Authorizers = [new CognitoUserPoolAuthorizerManifest("Users", ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"], "Authorization")];
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Authorizer = "Users" }];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _stage.PlanAsync());

        Assert.Equal(
            "Route /objects/{key} uses the Cognito authorizer 'Users', which HTTP APIs do not have; declare a [JwtAuthorizer] with the pool's issuer (https://cognito-idp.{region}.amazonaws.com/{userPoolId}) and its app client ids as audiences.",
            error.Message);
    }

    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html: a route's
    // authorization type AWS_IAM, no authorizer resource.
    [Fact]
    public async Task An_IAM_authorizer_makes_its_routes_AWS_IAM_without_an_authorizer_and_converges()
    {
        await _stage.DeployAsync();
        _stage.Authorizers = [s_pool, new IamAuthorizerManifest("Signed")];
        _stage.Routes = [InMemoryStage.ObjectsRoute with { Authorizer = "Signed" }, InMemoryStage.HealthRoute];

        var (_, calls) = await _stage.DeployAsync();

        Assert.Equal(["ApiGatewayV2 UpdateRoute", "ApiGatewayV2 UpdateRoute", "ApiGatewayV2 DeleteAuthorizer"], calls.MutatingOperations);
        var apiId = Assert.Single(Aws.FakeApiGatewayV2.Apis).ApiId;
        Assert.Empty(Aws.FakeApiGatewayV2.AuthorizersOf(apiId));
        Assert.Equal(
            [("GET /health", "NONE"), ("GET /objects/{key}", "AWS_IAM"), ("PUT /objects/{key}", "AWS_IAM")],
            Aws.FakeApiGatewayV2.Inspect(apiId).Routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal).Select(r => (r.RouteKey, r.AuthorizationType)));
        Assert.Equal(0, (await _stage.DeployAsync()).Calls.MutatingCalls);
    }

    public void Dispose() => _stage.Dispose();
}
