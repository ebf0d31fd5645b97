using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Planning;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>
/// Deletes a stage: every recorded resource, dependents first, with the steps of its own planner (the REST API, the
/// function with its invoke permission, the role's inline policy and the role), then the state file. Each deletion is
/// recorded at once, so an interrupted delete is finished by the next. Without a state file, each planner finds the
/// stage's resources by name, and only those that carry the deployer's tag are deleted.
/// </summary>
internal sealed class Deleter
{
    private readonly IAwsApis _aws;
    private readonly DeployedStateStore _store;
    private readonly IReadOnlyList<IResourcePlanner> _planners;

    /// <summary>A deleter of every kind of resource (<see cref="ResourcePlanners.All"/>).</summary>
    /// <param name="aws">The AWS services.</param>
    /// <param name="store">Where the stage's state is recorded.</param>
    public Deleter(IAwsApis aws, DeployedStateStore store)
        : this(aws, store, ResourcePlanners.All)
    {
    }

    /// <summary>A deleter of the resources <paramref name="planners"/> know (in any order).</summary>
    internal Deleter(IAwsApis aws, DeployedStateStore store, IReadOnlyList<IResourcePlanner> planners)
    {
        _aws = aws;
        _store = store;
        _planners = ResourcePlanners.Ordered(planners);
    }

    /// <summary>Deletes the stage's resources and its state file.</summary>
    /// <param name="appName">The app's name.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="progress">Told about each resource before it is deleted.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    /// <returns>What was deleted, e.g. <c>REST API abc123</c>; empty when nothing was deployed.</returns>
    public async Task<IReadOnlyList<string>> DeleteAsync(
        string appName, string stage = ChaliceConfig.DefaultStage, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var names = ResourceNames.For(appName, stage);
        var state = _store.Load(stage) ?? await FindTaggedAsync(names, cancellationToken);
        var recorder = new StateRecorder(_store, state);
        List<string> deleted = [];
        foreach (var deletion in Teardown.Plan(_planners, state.Resources, _aws))
        {
            var description = _planners.Single(p => p.ResourceType == deletion.Kind).Describe((DeployedResource)deletion.Observed!);
            progress?.Report(description);
            deleted.Add(description);
            await PlanExecutor.RunAsync(deletion.Steps, recorder, progress: null, cancellationToken);
        }
        _store.Delete(stage);
        return deleted;
    }

    /// <summary>The stage's resources found by name, each only when it carries the deployer's tag for this app and stage.</summary>
    private async Task<DeployedState> FindTaggedAsync(ResourceNames names, CancellationToken cancellationToken)
    {
        var state = new DeployedState { AppName = names.App, Stage = names.Stage, Region = _aws.Region };
        foreach (var planner in _planners)
        {
            foreach (var found in await planner.FindTaggedAsync(_aws, names, cancellationToken))
                state = state.With(found);
        }
        return state;
    }
}
