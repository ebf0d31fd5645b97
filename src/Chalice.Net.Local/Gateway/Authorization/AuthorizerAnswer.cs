using Chalice.Events;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// What an authorizer function answered, as API Gateway reads it: an IAM policy with a principal id and context (every
/// REST API authorizer, and HTTP API authorizers without simple responses), or an HTTP API simple response
/// (<c>isAuthorized</c> and context). Exactly one of the two is set.
/// </summary>
internal sealed record AuthorizerAnswer(ApiGatewayAuthorizerResponse? Policy, HttpApiV2AuthorizerSimpleResponse? Simple)
{
    public static AuthorizerAnswer Of(ApiGatewayAuthorizerResponse policy) => new(policy, null);

    public static AuthorizerAnswer Of(HttpApiV2AuthorizerSimpleResponse simple) => new(null, simple);
}
