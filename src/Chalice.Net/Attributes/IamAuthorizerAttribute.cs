namespace Chalice;

/// <summary>
/// Declares IAM authorization (<c>AWS_IAM</c>, Chalice's <c>IAMAuthorizer</c>) for the routes that name it: API Gateway
/// accepts only requests signed with AWS Signature Version 4 by a principal allowed to call <c>execute-api:Invoke</c>.
/// Put it on the app class or on a blueprint; routes write <c>Authorizer = "iam"</c> (or the name given).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IamAuthorizerAttribute(string name = IamAuthorizerAttribute.DefaultName) : Attribute
{
    /// <summary>The name routes use when none is given.</summary>
    public const string DefaultName = "iam";

    /// <summary>The authorizer's name, which routes give as their <c>Authorizer</c>.</summary>
    public string Name { get; } = name;
}
