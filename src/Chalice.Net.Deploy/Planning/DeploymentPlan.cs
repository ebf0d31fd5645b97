using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// The outcome of planning a deploy with read-only calls: the changes to make, and the state to record before making
/// them (the state file plus any resources found again by name).
/// </summary>
public sealed class DeploymentPlan
{
    internal DeploymentPlan(DeploymentRun run, IReadOnlyList<PlannedStep> steps, DeployedState? recorded)
    {
        Run = run;
        Steps = steps;
        Recorded = recorded;
    }

    /// <summary>What is being deployed.</summary>
    public DeploymentSpec Spec => Run.Spec;

    /// <summary>The changes, in the order they will be made.</summary>
    public IReadOnlyList<PlannedStep> Steps { get; }

    /// <summary>The state file as it was read (null when there was none).</summary>
    public DeployedState? Recorded { get; }

    /// <summary>The state to record before the first change: what exists already, found by id or by name.</summary>
    public DeployedState Found => Run.State;

    /// <summary>Whether the deployment already matches the app: nothing to change.</summary>
    public bool IsUpToDate => Steps.Count == 0;

    internal DeploymentRun Run { get; }
}
