namespace Chalice.Generators.Model;

/// <summary>
/// An authorizer declared by an attribute on the app class or a blueprint (not an <c>[Authorizer]</c> function): its
/// kind is its record. Adding a kind is one record here, its parsing, its emitted definition and its manifest record.
/// </summary>
internal abstract record ApiAuthorizerModel(string Name);

/// <summary><c>[CognitoUserPoolAuthorizer]</c>.</summary>
internal sealed record CognitoUserPoolAuthorizerModel(string Name, EquatableArray<string> ProviderArns, string Header) : ApiAuthorizerModel(Name);

/// <summary><c>[IamAuthorizer]</c>.</summary>
internal sealed record IamAuthorizerModel(string Name) : ApiAuthorizerModel(Name);

/// <summary><c>[CustomAuthorizer]</c>: <c>Type</c> is <c>TOKEN</c> or <c>REQUEST</c>, identity sources in API Gateway's syntax.</summary>
internal sealed record CustomAuthorizerModel(string Name, string AuthorizerUri, string Type, EquatableArray<string> IdentitySources, int TtlSeconds)
    : ApiAuthorizerModel(Name);

/// <summary><c>[JwtAuthorizer]</c>.</summary>
internal sealed record JwtAuthorizerModel(string Name, string Issuer, EquatableArray<string> Audiences, string Header) : ApiAuthorizerModel(Name);
