namespace Chalice.Policy.Resources;

/// <summary>
/// The resources an action is allowed on for one call, and the kind of resource they are (<c>Objects</c>,
/// <c>Buckets</c>, <c>Queues</c>, …; empty for <c>"*"</c>), which names the statement they go to.
/// </summary>
internal sealed record ResourceGrant(string Scope, IReadOnlyList<string> Resources)
{
    /// <summary>Every resource: the action's resource could not be proved.</summary>
    public static ResourceGrant Any { get; } = new("", ["*"]);

    public bool IsAny => Resources.Contains("*");
}
