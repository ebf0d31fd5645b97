namespace Chalice;

/// <summary>
/// Declares a Lambda authorizer that is an existing function, not one of the app's <c>[Authorizer]</c> methods
/// (Chalice's <c>CustomAuthorizer</c>): API Gateway invokes the function at <see cref="AuthorizerUri"/> before a route that
/// names it. Put it on the app class or on a blueprint.
/// </summary>
/// <remarks>
/// The local gateway cannot run a function that is not in the app: it denies the routes' requests (403) unless
/// <c>"local_authorizers": "allow"</c> lets them through, each with a warning.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CustomAuthorizerAttribute(string name, string authorizerUri) : Attribute
{
    /// <summary>The authorizer's name, which routes give as their <c>Authorizer</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// The function: its ARN (<c>arn:aws:lambda:REGION:ACCOUNT:function:NAME</c>), or API Gateway's invocation URI of it
    /// (<c>arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations</c>).
    /// </summary>
    public string AuthorizerUri { get; } = authorizerUri;

    /// <summary>How long API Gateway caches an answer per identity, 0 to 3600 seconds (default 300).</summary>
    public int TtlSeconds { get; set; } = Functions.EventSourceDefaults.AuthorizerTtlSeconds;

    /// <summary>The header that carries the token of a <c>TOKEN</c> authorizer (default <c>Authorization</c>).</summary>
    public string Header { get; set; } = Functions.EventSourceDefaults.AuthorizerHeader;

    /// <summary>Makes it a <c>REQUEST</c> authorizer with these identity sources, as <see cref="AuthorizerAttribute.IdentitySources"/>.</summary>
    public string[]? IdentitySources { get; set; }
}
