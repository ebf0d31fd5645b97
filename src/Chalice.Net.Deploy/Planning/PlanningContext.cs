using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// What one planner sees while planning: the app, the AWS services to read from, the state file, the values other
/// planners published (only those it declared it consumes) and the resources it plans.
/// </summary>
internal sealed class PlanningContext
{
    private readonly IResourcePlanner _planner;
    private readonly Dictionary<Export, IRef> _exports;
    private readonly List<ResourcePlan> _resources;

    internal PlanningContext(
        IResourcePlanner planner, IAwsApis aws, DeploymentSpec spec, DeployedState recorded, Dictionary<Export, IRef> exports,
        List<ResourcePlan> resources)
    {
        _planner = planner;
        Aws = aws;
        Spec = spec;
        Recorded = recorded;
        _exports = exports;
        _resources = resources;
    }

    /// <summary>The AWS services (read-only calls while planning; the steps make the changes).</summary>
    public IAwsApis Aws { get; }

    /// <summary>What is being deployed.</summary>
    public DeploymentSpec Spec { get; }

    /// <summary>The names of the stage's resources.</summary>
    public ResourceNames Names => Spec.Names;

    /// <summary>The region deployed to.</summary>
    public string Region => Aws.Region;

    /// <summary>The region's partition.</summary>
    public AwsPartition Partition => AwsPartition.ForRegion(Region);

    /// <summary>The state file as read (empty when there is none).</summary>
    public DeployedState Recorded { get; }

    /// <summary>Starts planning a resource of the planner's kind.</summary>
    /// <param name="name">Its logical name, unique in the stage (it claims the recorded resource of that name).</param>
    /// <param name="target">Its name or id in AWS.</param>
    /// <param name="desired">What the app wants.</param>
    public ResourcePlan Resource(string name, string target, object desired)
    {
        if (_resources.Any(r => r.Name == name))
            throw new InvalidOperationException($"Two resources of the plan are named {name}.");
        var resource = new ResourcePlan(_planner.ResourceType, name, target, desired);
        _resources.Add(resource);
        return resource;
    }

    /// <summary>Publishes a value for the planners that consume it.</summary>
    public void Publish<T>(Export<T> export, Ref<T> value) where T : notnull
    {
        if (!_planner.Produces.Contains(export))
            throw new InvalidOperationException($"{_planner.GetType().Name} publishes the {export} without declaring it.");
        if (!_exports.TryAdd(export, value))
            throw new InvalidOperationException($"The {export} is published twice.");
    }

    /// <summary>A value another planner published, or null when it published none (the app does not need that resource).</summary>
    public Ref<T>? Find<T>(Export<T> export) where T : notnull
    {
        if (!_planner.Consumes.Contains(export))
            throw new InvalidOperationException($"{_planner.GetType().Name} reads the {export} without declaring it.");
        return _exports.TryGetValue(export, out var value) ? (Ref<T>)value : null;
    }

    /// <summary>A value another planner must have published.</summary>
    public Ref<T> Require<T>(Export<T> export) where T : notnull =>
        Find(export) ?? throw new InvalidOperationException($"{_planner.GetType().Name} needs the {export}, which no planner published.");
}
