using Chalice.Events;

namespace Chalice.Tests;

/// <summary>
/// An <see cref="AuthResponse"/> becomes the policy Chalice's <c>AuthResponse.to_dict</c> builds (chalice/app.py,
/// <c>_generate_allowed_resources</c> and <c>_generate_arn</c>): one Allow of execute-api:Invoke, each route and method
/// an ARN on the API and stage of the request's own ARN.
/// </summary>
public sealed class AuthResponseTests
{
    private static readonly AuthRequest s_request = new(new ApiGatewayAuthorizerRequest
    {
        Type = "TOKEN",
        AuthorizationToken = "t",
        MethodArn = "arn:aws:execute-api:us-west-2:123:rest-api-id/stage/GET/needs/auth",
    });

    [Theory]
    [InlineData("/", "arn:aws:execute-api:us-west-2:123:rest-api-id/stage/*/")]
    [InlineData("*", "arn:aws:execute-api:us-west-2:123:rest-api-id/stage/*/*")]
    [InlineData("/needs/auth", "arn:aws:execute-api:us-west-2:123:rest-api-id/stage/*/needs/auth")]
    public void A_path_allows_every_method_on_it(string route, string arn)
    {
        var policy = new AuthResponse([route], "user").ToPolicyResponse(s_request);

        var statement = Assert.Single(policy.PolicyDocument.Statement);
        Assert.Equal(("Allow", "execute-api:Invoke"), (statement.Effect, statement.Action!.Single()));
        Assert.Equal([arn], statement.Resource!);
    }

    [Fact]
    public void A_route_with_methods_allows_each_of_them()
    {
        var policy = new AuthResponse([new AuthRoute("/orders", "GET", "POST")], "user").ToPolicyResponse(s_request);

        Assert.Equal(
            ["arn:aws:execute-api:us-west-2:123:rest-api-id/stage/GET/orders", "arn:aws:execute-api:us-west-2:123:rest-api-id/stage/POST/orders"],
            policy.PolicyDocument.Statement[0].Resource!);
    }

    [Fact]
    public void No_routes_is_an_allow_of_nothing_and_the_context_is_passed_on()
    {
        var policy = new AuthResponse([], "user", new Dictionary<string, string> { ["tier"] = "gold" }).ToPolicyResponse(s_request);

        Assert.Empty(policy.PolicyDocument.Statement[0].Resource!);
        Assert.True(policy.PolicyDocument.Statement[0].Resource!.IsList);
        Assert.Equal("""{"tier":"gold"}""", policy.Context!.ToJsonString());
        Assert.Equal("user", policy.PrincipalId);
    }
}
