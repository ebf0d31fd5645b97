using System.ComponentModel;

namespace Chalice.Hosting;

/// <summary>
/// An authorizer of the app's API that is not one of its <c>[Authorizer]</c> functions, as declared on the app class
/// or a blueprint: a Cognito user pool, IAM, an existing Lambda function, or an HTTP API's JWT issuer. Routes name it in
/// <see cref="RouteDefinition.Authorizer"/>; the local gateway enforces each kind as API Gateway does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class ApiAuthorizerDefinition
{
    private protected ApiAuthorizerDefinition(string name) => Name = name;

    /// <summary>The name routes give.</summary>
    public string Name { get; }
}

/// <summary><c>[CognitoUserPoolAuthorizer]</c>: ID tokens of these user pools, in <see cref="Header"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class CognitoUserPoolAuthorizerDefinition(string name, IReadOnlyList<string> providerArns, string header) : ApiAuthorizerDefinition(name)
{
    /// <summary>The user pools' ARNs.</summary>
    public IReadOnlyList<string> ProviderArns { get; } = providerArns;

    /// <summary>The header that carries the token.</summary>
    public string Header { get; } = header;
}

/// <summary><c>[IamAuthorizer]</c>: requests signed with Signature Version 4 (<c>AWS_IAM</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class IamAuthorizerDefinition(string name) : ApiAuthorizerDefinition(name);

/// <summary><c>[CustomAuthorizer]</c>: a Lambda authorizer that is a function outside the app.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class CustomAuthorizerDefinition(string name, string authorizerUri, string type, IReadOnlyList<string> identitySources, int ttlSeconds)
    : ApiAuthorizerDefinition(name)
{
    /// <summary>The function's ARN or invocation URI, as declared.</summary>
    public string AuthorizerUri { get; } = authorizerUri;

    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Its identity sources, in API Gateway's syntax.</summary>
    public IReadOnlyList<string> IdentitySources { get; } = identitySources;

    /// <summary>How long API Gateway caches its answers.</summary>
    public int TtlSeconds { get; } = ttlSeconds;
}

/// <summary><c>[JwtAuthorizer]</c>: an HTTP API's JWT authorizer.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class JwtAuthorizerDefinition(string name, string issuer, IReadOnlyList<string> audiences, string header) : ApiAuthorizerDefinition(name)
{
    /// <summary>The <c>iss</c> tokens must carry.</summary>
    public string Issuer { get; } = issuer;

    /// <summary>The audiences accepted.</summary>
    public IReadOnlyList<string> Audiences { get; } = audiences;

    /// <summary>The header that carries the token.</summary>
    public string Header { get; } = header;
}
