using Chalice.Deploy.Aws;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>An <see cref="IResourcePlanner"/> whose records are <typeparamref name="TRecord"/>.</summary>
internal abstract class ResourcePlanner<TRecord> : IResourcePlanner where TRecord : DeployedResource
{
    /// <inheritdoc/>
    public abstract string ResourceType { get; }

    /// <inheritdoc/>
    public Type RecordType => typeof(TRecord);

    /// <inheritdoc/>
    public virtual IReadOnlyList<Export> Consumes => [];

    /// <inheritdoc/>
    public virtual IReadOnlyList<Export> Produces => [];

    /// <inheritdoc/>
    public abstract Task PlanAsync(PlanningContext context, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeployedResource>> FindTaggedAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await FindOursAsync(aws, names, cancellationToken) is { } found ? [found] : [];

    /// <inheritdoc/>
    public string Describe(DeployedResource record) => Describe((TRecord)record);

    /// <inheritdoc/>
    public IReadOnlyList<PlannedStep> PlanDeletion(DeployedResource record, IAwsApis aws) => PlanDeletion((TRecord)record, aws);

    /// <inheritdoc/>
    public bool IsDeletedWith(DeployedResource record, DeployedResource other) => IsDeletedWith((TRecord)record, other);

    /// <summary>The stage's resource of this kind found by name, when it carries the deployer's tag for the stage.</summary>
    protected abstract Task<TRecord?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken);

    /// <inheritdoc cref="IResourcePlanner.Describe"/>
    protected abstract string Describe(TRecord record);

    /// <inheritdoc cref="IResourcePlanner.PlanDeletion"/>
    protected abstract IReadOnlyList<PlannedStep> PlanDeletion(TRecord record, IAwsApis aws);

    /// <inheritdoc cref="IResourcePlanner.IsDeletedWith"/>
    protected virtual bool IsDeletedWith(TRecord record, DeployedResource other) => false;

    /// <summary>A step that deletes (part of) a recorded resource.</summary>
    protected static PlannedStep DeletionStep(
        TRecord record, AwsService service, string operation, string target, string reason, Func<StepContext, CancellationToken, Task> apply) =>
        new(record.Name, service, operation, target, reason, [], [], apply);

    /// <summary>Runs a deleting call; a resource that is gone already is what the call wanted.</summary>
    protected static async Task IgnoringNotFound(Task call)
    {
        try
        {
            await call;
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
    }
}
