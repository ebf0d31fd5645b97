using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>
/// Deploys one stage of an app like Chalice: <see cref="PlanAsync"/> reads what exists (read-only calls) and returns
/// the plan as data; <see cref="ExecuteAsync"/> runs its steps in order, writing <c>.chalice/deployed/&lt;stage&gt;.json</c>
/// as each resource comes and goes, so a deploy that fails midway is resumed by the next one and removed by a delete.
/// </summary>
internal sealed class Deployer
{
    private readonly IAwsApis _aws;
    private readonly DeployedStateStore _store;
    private readonly IReadOnlyList<IResourcePlanner> _planners;

    /// <summary>A deployer of every kind of resource (<see cref="ResourcePlanners.All"/>).</summary>
    /// <param name="aws">The AWS services.</param>
    /// <param name="store">Where the stage's state is recorded.</param>
    public Deployer(IAwsApis aws, DeployedStateStore store)
        : this(aws, store, ResourcePlanners.All)
    {
    }

    /// <summary>A deployer of the resources <paramref name="planners"/> plan (in any order).</summary>
    internal Deployer(IAwsApis aws, DeployedStateStore store, IReadOnlyList<IResourcePlanner> planners)
    {
        _aws = aws;
        _store = store;
        _planners = ResourcePlanners.Ordered(planners);
    }

    /// <summary>Reads what exists and plans the changes; makes no mutating call and writes nothing.</summary>
    /// <exception cref="DeployedStateException">The state file is unreadable, or was written for another region.</exception>
    /// <exception cref="AwsServiceException">A read failed.</exception>
    public async Task<DeploymentPlan> PlanAsync(DeploymentSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var recorded = _store.Load(spec.Stage);
        if (recorded is not null && recorded.Region != _aws.Region)
            throw new DeployedStateException(
                $"{Path.Combine(".chalice", "deployed", spec.Stage + ".json")} records a deployment in {recorded.Region}, not {_aws.Region}. " +
                $"Deploy to {recorded.Region}, or delete the stage there first.");
        return await new DeploymentPlanner(_aws, _planners).PlanAsync(spec, recorded, cancellationToken);
    }

    /// <summary>
    /// Makes the planned changes in order. The resources found while planning are recorded first; each created
    /// resource is recorded as soon as it exists, each deleted one forgotten as soon as it is gone.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/>, executed at most once.</param>
    /// <param name="progress">Told about each step before it starts.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <exception cref="AwsServiceException">A call failed; what was done before it is recorded.</exception>
    public async Task<DeploymentResult> ExecuteAsync(
        DeploymentPlan plan, IProgress<PlannedStep>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.TryStart())
            throw new InvalidOperationException("This plan was executed already; plan again.");
        var recorder = new StateRecorder(_store, plan.Found);
        // Resources found again by name are recorded first. With nothing found and nothing recorded no file is written
        // yet, so that a deploy failing at its first call leaves none: a delete then looks for tagged resources by name.
        if (plan.Recorded is null ? plan.Found.Resources.Count > 0 : !plan.Recorded.SameAs(plan.Found))
            recorder.Save();
        await PlanExecutor.RunAsync(plan.Steps, recorder, progress, cancellationToken);
        return new DeploymentResult(recorder.State, plan.Steps);
    }

    /// <summary>Plans and executes.</summary>
    public async Task<DeploymentResult> DeployAsync(
        DeploymentSpec spec, IProgress<PlannedStep>? progress = null, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(await PlanAsync(spec, cancellationToken), progress, cancellationToken);
}
