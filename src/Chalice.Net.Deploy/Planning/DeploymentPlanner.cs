using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Turns an app and what AWS has into a <see cref="DeploymentPlan"/>: runs every planner once, in their order, each
/// with its own <see cref="PlanningContext"/>; orders the steps by the references they consume; and plans the
/// deletion of the recorded resources no planner claimed.
/// </summary>
/// <param name="aws">The AWS services (only read here).</param>
/// <param name="planners">The planners, ordered (<see cref="ResourcePlanners.Ordered"/>).</param>
internal sealed class DeploymentPlanner(IAwsApis aws, IReadOnlyList<IResourcePlanner> planners)
{
    /// <summary>Plans the deploy of <paramref name="spec"/> over the recorded state (null: no state file).</summary>
    public async Task<DeploymentPlan> PlanAsync(DeploymentSpec spec, DeployedState? recorded, CancellationToken cancellationToken)
    {
        var start = recorded ?? new DeployedState { AppName = spec.AppName, Stage = spec.Stage, Region = aws.Region };
        var exports = new Dictionary<Export, IRef>();
        var resources = new List<ResourcePlan>();
        foreach (var planner in planners)
            await planner.PlanAsync(new PlanningContext(planner, aws, spec, start, exports, resources), cancellationToken);

        var planned = resources.Select(r => r.ToPlannedResource()).ToList();
        var claimed = planned.Select(r => r.Name).ToHashSet();
        var deletions = Teardown.Plan(planners, [.. start.Resources.Where(r => !claimed.Contains(r.Name))], aws);
        // Deletions come last: what the app no longer has may still be in use until the other changes are made (a
        // function leaves the old role only when its configuration is updated).
        var steps = Order(planned).Concat(deletions.SelectMany(d => d.Steps)).ToList();
        var found = planned.Where(r => r.Found is not null).Aggregate(start, (state, r) => state.With(r.Found!));
        return new DeploymentPlan(spec, [.. planned, .. deletions], steps, recorded, found);
    }

    /// <summary>The resources' steps, each after the step before it in its resource and after the producers of what it consumes.</summary>
    private static IReadOnlyList<PlannedStep> Order(IReadOnlyList<PlannedResource> resources)
    {
        var previous = new Dictionary<PlannedStep, PlannedStep>();
        foreach (var resource in resources)
        {
            for (var i = 1; i < resource.Steps.Count; i++)
                previous[resource.Steps[i]] = resource.Steps[i - 1];
        }
        return TopologicalOrder.Sort(
            [.. resources.SelectMany(r => r.Steps)],
            step => previous.TryGetValue(step, out var before) ? step.Prerequisites.Append(before) : step.Prerequisites,
            step => step.ToString());
    }
}
