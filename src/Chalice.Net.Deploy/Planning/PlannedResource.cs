using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>What a plan does to a resource.</summary>
internal enum ResourceChange
{
    /// <summary>It is as the app wants it: no step.</summary>
    None,

    /// <summary>It does not exist: its steps create it.</summary>
    Create,

    /// <summary>It exists and differs: its steps change only what differs.</summary>
    Update,

    /// <summary>It is recorded but the app no longer has it: its steps delete it.</summary>
    Delete,
}

/// <summary>
/// One resource of a plan: what the app wants (<see cref="Desired"/>), what the read-only calls found
/// (<see cref="Observed"/>), the resources it depends on and the steps that bring it where the app wants it.
/// </summary>
/// <param name="Kind">Chalice's <c>resource_type</c>, e.g. <c>lambda_function</c>.</param>
/// <param name="Name">The logical name, e.g. <c>api_handler</c> (unique in a stage).</param>
/// <param name="Target">The name or id in AWS, e.g. <c>s3test-dev</c>.</param>
/// <param name="Desired">What the app wants (a settings record of the resource's planner), or null for a deletion.</param>
/// <param name="Observed">What AWS answered (its model), or null when it does not exist.</param>
/// <param name="DependsOn">Logical names of the resources whose values it uses.</param>
/// <param name="Steps">Its changes, in order.</param>
/// <param name="Found">The record of a resource that exists, written to the state file before the first change.</param>
internal sealed record PlannedResource(
    string Kind, string Name, string Target, object? Desired, object? Observed, IReadOnlyList<string> DependsOn,
    IReadOnlyList<PlannedStep> Steps, DeployedResource? Found)
{
    /// <summary>What the plan does to it.</summary>
    public ResourceChange Change => Desired is null ? ResourceChange.Delete
        : Steps.Count == 0 ? ResourceChange.None
        : Observed is null ? ResourceChange.Create
        : ResourceChange.Update;
}
