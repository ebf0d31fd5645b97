using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// A planner's working copy of one <see cref="PlannedResource"/>: it sets what it observed, declares the values it
/// uses, adopts the record of what exists and adds the steps, which run in the order added.
/// </summary>
internal sealed class ResourcePlan
{
    private readonly List<PlannedStep> _steps = [];
    private readonly List<string> _dependsOn = [];

    internal ResourcePlan(string kind, string name, string target, object desired)
    {
        Kind = kind;
        Name = name;
        Target = target;
        Desired = desired;
    }

    /// <summary>Chalice's <c>resource_type</c>.</summary>
    public string Kind { get; }

    /// <summary>The logical name.</summary>
    public string Name { get; }

    /// <summary>The name or id in AWS; steps target it unless they say otherwise.</summary>
    public string Target { get; set; }

    /// <summary>What the app wants.</summary>
    public object Desired { get; }

    /// <summary>What the read-only calls found; null while it does not exist.</summary>
    public object? Observed { get; set; }

    /// <summary>The record of the existing resource, written before the first change.</summary>
    public DeployedResource? Found { get; private set; }

    /// <summary>Declares that the resource uses <paramref name="reference"/>: its origins become dependencies.</summary>
    public Ref<T> Uses<T>(Ref<T> reference) where T : notnull
    {
        DependOn(reference);
        return reference;
    }

    /// <summary>Records the existing resource (found by id or by name) before the first change.</summary>
    public void Adopt(DeployedResource record)
    {
        if (record.Name != Name)
            throw new InvalidOperationException($"The record of {Name} is named {record.Name}.");
        Found = record;
    }

    /// <summary>Adds a step; it runs after the steps added before it and after the producers of what it consumes.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operation">The API operation.</param>
    /// <param name="reason">Why the change is needed.</param>
    /// <param name="apply">Makes the change.</param>
    /// <param name="consumes">The references it reads.</param>
    /// <param name="produces">The outputs it sets.</param>
    /// <param name="target">What it targets, when not <see cref="Target"/>.</param>
    public PlannedStep Step(
        AwsService service, string operation, string reason, Func<StepContext, CancellationToken, Task> apply,
        IReadOnlyList<IRef>? consumes = null, IReadOnlyList<IStepOutput>? produces = null, string? target = null)
    {
        consumes ??= [];
        foreach (var reference in consumes)
            DependOn(reference);
        var step = new PlannedStep(Name, service, operation, target ?? Target, reason, consumes, produces ?? [], apply);
        _steps.Add(step);
        return step;
    }

    private void DependOn(IRef reference)
    {
        foreach (var origin in reference.Origins)
        {
            if (origin != Name && !_dependsOn.Contains(origin))
                _dependsOn.Add(origin);
        }
    }

    /// <summary>The finished resource.</summary>
    public PlannedResource ToPlannedResource() => new(Kind, Name, Target, Desired, Observed, [.. _dependsOn], [.. _steps], Found);
}
