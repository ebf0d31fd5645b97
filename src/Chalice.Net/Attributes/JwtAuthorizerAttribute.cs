namespace Chalice;

/// <summary>
/// Declares a JWT authorizer of the app's HTTP API: API Gateway accepts a route's request only with a JSON Web Token in
/// <see cref="Header"/> from <see cref="Issuer"/> for one of <see cref="Audiences"/>, and passes its claims to the
/// handler in <c>requestContext.authorizer.jwt.claims</c>. Put it on the app class or on a blueprint.
/// </summary>
/// <remarks>
/// Locally the emulator stands in for the issuer: it accepts tokens signed with its own key (<c>chalice-net token
/// --authorizer NAME</c> prints one) and checks issuer, audience and expiry as API Gateway does.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class JwtAuthorizerAttribute(string name) : Attribute
{
    /// <summary>The authorizer's name, which routes give as their <c>Authorizer</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The issuer tokens must name in <c>iss</c>: an <c>https://</c> URL (a Cognito pool's, or an OpenID provider's).</summary>
    public string? Issuer { get; set; }

    /// <summary>The audiences accepted: a token's <c>aud</c> (or, without one, its <c>client_id</c>) must be one of them.</summary>
    public string[]? Audiences { get; set; }

    /// <summary>The header that carries the token (default <c>Authorization</c>).</summary>
    public string Header { get; set; } = Functions.EventSourceDefaults.AuthorizerHeader;
}
