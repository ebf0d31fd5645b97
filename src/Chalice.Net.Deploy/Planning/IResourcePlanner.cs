using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Plans one kind of resource, from creating it to deleting it. Planners know nothing of each other's insides: they
/// exchange typed values (<see cref="Export{T}"/>) they declare, the deployer orders them by those declarations and
/// the steps by the references they consume, and a recorded resource the plan no longer claims is deleted with this
/// planner's <see cref="PlanDeletion"/>. A new kind of resource is a new planner in <see cref="ResourcePlanners.All"/>.
/// </summary>
internal interface IResourcePlanner
{
    /// <summary>Chalice's <c>resource_type</c> of what it records (the state file's discriminator), e.g. <c>iam_role</c>.</summary>
    string ResourceType { get; }

    /// <summary>The record it keeps in the state file.</summary>
    Type RecordType { get; }

    /// <summary>The values of other planners it reads.</summary>
    IReadOnlyList<Export> Consumes { get; }

    /// <summary>The values it publishes (or leaves unpublished when the app does not need the resource).</summary>
    IReadOnlyList<Export> Produces { get; }

    /// <summary>Reads what exists (read-only calls) and plans the resources of its kind the app needs.</summary>
    Task PlanAsync(PlanningContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The stage's resources of its kind found by name that carry the deployer's tag: what a delete without a state
    /// file removes.
    /// </summary>
    Task<IReadOnlyList<DeployedResource>> FindTaggedAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken);

    /// <summary>The recorded resource as a person knows it, e.g. <c>IAM role s3test-dev</c>.</summary>
    string Describe(DeployedResource record);

    /// <summary>The steps that delete a recorded resource; one already gone is no error.</summary>
    IReadOnlyList<PlannedStep> PlanDeletion(DeployedResource record, IAwsApis aws);

    /// <summary>Whether deleting <paramref name="other"/> removes <paramref name="record"/> too (a function's permission goes with it).</summary>
    bool IsDeletedWith(DeployedResource record, DeployedResource other);
}
