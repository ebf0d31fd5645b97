using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// The outcome of planning a deploy with read-only calls, as data: every resource with what the app wants, what AWS
/// has and what it depends on; the steps in the order they will run, each naming the outputs of earlier steps it
/// consumes; and the state to record before the first change.
/// </summary>
internal sealed class DeploymentPlan
{
    private int _started;

    internal DeploymentPlan(
        DeploymentSpec spec, IReadOnlyList<PlannedResource> resources, IReadOnlyList<PlannedStep> steps, DeployedState? recorded,
        DeployedState found)
    {
        Spec = spec;
        Resources = resources;
        Steps = steps;
        Recorded = recorded;
        Found = found;
    }

    /// <summary>What is being deployed.</summary>
    public DeploymentSpec Spec { get; }

    /// <summary>The resources, in planning order, then the recorded ones the app no longer has (to delete).</summary>
    public IReadOnlyList<PlannedResource> Resources { get; }

    /// <summary>The changes, in the order they will be made.</summary>
    public IReadOnlyList<PlannedStep> Steps { get; }

    /// <summary>The state file as it was read (null when there was none).</summary>
    public DeployedState? Recorded { get; }

    /// <summary>The state to record before the first change: the state file plus what was found again by id or name.</summary>
    public DeployedState Found { get; }

    /// <summary>Whether the deployment already matches the app: nothing to change.</summary>
    public bool IsUpToDate => Steps.Count == 0;

    /// <summary>
    /// The plan as a person reads it (<c>--dry-run</c>): each resource and what happens to it, then each step with its
    /// service, operation, target and reason, and the outputs of earlier steps it consumes.
    /// </summary>
    public IReadOnlyList<string> Describe()
    {
        List<string> lines = [];
        foreach (var resource in Resources)
        {
            var uses = resource.DependsOn.Count == 0 ? "" : $", uses {string.Join(", ", resource.DependsOn)}";
            lines.Add($"{resource.Kind} {resource.Name} ({resource.Target}): {Describe(resource.Change)}{uses}");
        }
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            lines.Add($"{i + 1}. {step}");
            foreach (var consumed in step.Consumes.Where(c => c.Sources.Count > 0))
            {
                var from = consumed.Sources.Select(s => StepNumber(s.Producer)).Distinct().Order();
                lines.Add($"   uses the {consumed.Description} from step {string.Join(", ", from)}");
            }
        }
        return lines;
    }

    /// <summary>Marks the plan as executing; false when it was already (a plan runs once).</summary>
    internal bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;

    private int StepNumber(PlannedStep step)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] == step)
                return i + 1;
        }
        throw new InvalidOperationException($"{step} is not part of the plan.");
    }

    private static string Describe(ResourceChange change) => change switch
    {
        ResourceChange.None => "up to date",
        ResourceChange.Create => "create",
        ResourceChange.Update => "update",
        _ => "delete",
    };
}
