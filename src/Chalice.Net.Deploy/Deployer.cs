using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>
/// Deploys one stage of an app like Chalice: <see cref="PlanAsync"/> reads what exists (read-only calls) and lists the
/// changes; <see cref="ExecuteAsync"/> makes them in order, writing <c>.chalice/deployed/&lt;stage&gt;.json</c> after
/// every resource it creates, so a deploy that fails midway is resumed by the next one and removed by a delete.
/// </summary>
/// <param name="aws">The AWS clients (their observer sees every call).</param>
/// <param name="store">Where the stage's state is recorded.</param>
public sealed class Deployer(AwsClients aws, DeployedStateStore store)
{
    /// <summary>Reads what exists and plans the changes; makes no mutating call and writes nothing.</summary>
    /// <exception cref="DeployedStateException">The state file is unreadable, or was written for another region.</exception>
    /// <exception cref="AwsServiceException">A read failed.</exception>
    public async Task<DeploymentPlan> PlanAsync(DeploymentSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var recorded = store.Load(spec.Stage);
        if (recorded is not null && recorded.Region != aws.Settings.Region)
            throw new DeployedStateException(
                $"{Path.Combine(".chalice", "deployed", spec.Stage + ".json")} records a deployment in {recorded.Region}, not {aws.Settings.Region}. " +
                $"Deploy to {recorded.Region}, or delete the stage there first.");

        var start = recorded ?? new DeployedState { AppName = spec.AppName, Stage = spec.Stage, Region = aws.Settings.Region };
        var run = new DeploymentRun(aws, spec, store, start);
        List<PlannedStep> steps = [];
        await RolePlanner.PlanAsync(run, steps, cancellationToken);
        await FunctionPlanner.PlanAsync(run, steps, cancellationToken);
        if (spec.Manifest.Routes.Count > 0)
        {
            await RestApiPlanner.PlanAsync(run, steps, cancellationToken);
            await PermissionPlanner.PlanAsync(run, steps, cancellationToken);
        }
        RolePlanner.PlanCleanup(run, steps);
        return new DeploymentPlan(run, steps, recorded);
    }

    /// <summary>
    /// Makes the planned changes in order. The resources found while planning are recorded first; each created
    /// resource is recorded as soon as it exists.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/>, executed at most once.</param>
    /// <param name="progress">Told about each step before it starts.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <exception cref="AwsServiceException">A call failed; what was done before it is recorded.</exception>
    public async Task<DeploymentResult> ExecuteAsync(
        DeploymentPlan plan, IProgress<PlannedStep>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = plan.Run;
        if (!run.TryStart())
            throw new InvalidOperationException("This plan was executed already; plan again.");
        // Resources found again by name are recorded first. With nothing found and nothing recorded no file is written
        // yet, so that a deploy failing at its first call leaves none: a delete then looks for tagged resources by name.
        if (plan.Recorded is null ? run.State.Resources.Count > 0 : !plan.Recorded.SameAs(run.State))
            run.Save();
        foreach (var step in plan.Steps)
        {
            progress?.Report(step);
            await step.Apply(run, cancellationToken);
        }
        return new DeploymentResult(run.State, plan.Steps);
    }

    /// <summary>Plans and executes.</summary>
    public async Task<DeploymentResult> DeployAsync(
        DeploymentSpec spec, IProgress<PlannedStep>? progress = null, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(await PlanAsync(spec, cancellationToken), progress, cancellationToken);
}
