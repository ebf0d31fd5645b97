namespace Chalice.Policy.Actions;

/// <summary>
/// One IAM action a call needs. <see cref="Role"/> names which of the call's resources it applies to, for operations
/// that touch two (a copy reads <c>Source</c> and writes <c>Destination</c>); empty for the call's only resource.
/// </summary>
internal readonly record struct ActionRequirement(string Action, string Role = "")
{
    /// <summary>The service prefix of <see cref="Action"/> (<c>s3</c> in <c>s3:GetObject</c>).</summary>
    public string Prefix => Action[..Action.IndexOf(':')];

    /// <summary>The action name without its prefix (<c>GetObject</c>).</summary>
    public string Name => Action[(Action.IndexOf(':') + 1)..];

    public override string ToString() => Role.Length == 0 ? Action : $"{Action}@{Role}";
}
