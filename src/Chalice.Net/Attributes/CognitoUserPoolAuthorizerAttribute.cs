namespace Chalice;

/// <summary>
/// Declares an Amazon Cognito user pool authorizer of the app's REST API (Chalice's <c>CognitoUserPoolAuthorizer</c>):
/// API Gateway checks the ID token in <see cref="Header"/> against the user pools of <see cref="ProviderArns"/> before
/// a route that names it (<c>[Route(..., Authorizer = "users")]</c>), and the handler sees the token's claims in
/// <c>requestContext.authorizer.claims</c>. Put it on the app class or on a blueprint.
/// </summary>
/// <remarks>
/// Locally the emulator stands in for the user pool: it accepts tokens signed with its own key
/// (<c>chalice-net token --user NAME</c> prints one), and checks them as API Gateway does.
/// </remarks>
/// <example>
/// <code>
/// [CognitoUserPoolAuthorizer("users", ProviderArns = ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"])]
/// public partial class App { [Route("/me", Authorizer = "users")] public static string Me() =&gt; "..."; }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CognitoUserPoolAuthorizerAttribute(string name) : Attribute
{
    /// <summary>The authorizer's name, which routes give as their <c>Authorizer</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The ARNs of the user pools whose tokens are accepted (Chalice's <c>provider_arns</c>); at least one.</summary>
    public string[]? ProviderArns { get; set; }

    /// <summary>The header that carries the token (Chalice's <c>header</c>, default <c>Authorization</c>).</summary>
    public string Header { get; set; } = Functions.EventSourceDefaults.AuthorizerHeader;
}
