namespace Chalice;

/// <summary>
/// Makes the method a Lambda authorizer of the app's API (Chalice's <c>@app.authorizer</c>): API Gateway calls it
/// before a route that names it (<c>[Route(..., Authorizer = "name")]</c>) with the caller's credentials, and it
/// answers with an <see cref="AuthResponse"/>: the routes the caller may call, who the caller is, and values the
/// handler sees, or <see cref="AuthResponse.Unauthorized"/>. API Gateway caches the answer per credential for
/// <see cref="TtlSeconds"/>.
/// </summary>
/// <remarks>
/// With no <see cref="IdentitySources"/> it is a <c>TOKEN</c> authorizer: <see cref="AuthRequest.Token"/> is the value of
/// <see cref="Header"/>. With identity sources it is a <c>REQUEST</c> authorizer, which sees the request's headers,
/// query, path and stage variables; API Gateway answers 401 itself, without calling it, when a source is missing.
/// </remarks>
/// <example>
/// <code>
/// [Authorizer(TtlSeconds = 60)]
/// public static AuthResponse Tokens(AuthRequest request) =&gt; request.Token == "allow"
///     ? new AuthResponse(["/orders", new AuthRoute("/admin", "GET")], principalId: "user")
///     : AuthResponse.Unauthorized;
/// </code>
/// </example>
public sealed class AuthorizerAttribute : FunctionAttribute
{
    /// <summary>How long API Gateway caches an answer per identity, 0 to 3600 seconds (Chalice's <c>ttl_seconds</c>, default 300).</summary>
    public int TtlSeconds { get; set; } = Functions.EventSourceDefaults.AuthorizerTtlSeconds;

    /// <summary>The header that carries the token of a <c>TOKEN</c> authorizer (Chalice's <c>header</c>, default <c>Authorization</c>).</summary>
    public string Header { get; set; } = Functions.EventSourceDefaults.AuthorizerHeader;

    /// <summary>
    /// Makes it a <c>REQUEST</c> authorizer with these identity sources, in API Gateway's syntax:
    /// <c>method.request.header.NAME</c>, <c>method.request.querystring.NAME</c>, <c>stageVariables.NAME</c>,
    /// <c>context.NAME</c>. The cache is keyed by their values.
    /// </summary>
    public string[]? IdentitySources { get; set; }
}
