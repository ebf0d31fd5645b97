namespace Chalice.Policy.Loading;

/// <summary>A <c>&lt;Using&gt;</c> item of a project: what the SDK writes into its generated GlobalUsings file.</summary>
internal sealed record GlobalUsing(string Namespace, string? Alias = null, bool IsStatic = false)
{
    /// <summary>The C# directive, written the way the SDK writes it.</summary>
    public string ToDirective() => (Alias, IsStatic) switch
    {
        ({ Length: > 0 } alias, _) => $"global using {alias} = global::{Namespace};",
        (_, true) => $"global using static global::{Namespace};",
        _ => $"global using global::{Namespace};",
    };
}
