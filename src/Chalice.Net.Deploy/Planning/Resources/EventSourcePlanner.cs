using Chalice.Deploy.Aws;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// A planner of what wires one kind of event source to the app's functions of kind <typeparamref name="TFunction"/>
/// (rules, mappings, subscriptions, notification entries): one resource per such function, wired to the function's ARN
/// from <see cref="FunctionPlanner.FunctionArns"/>.
/// </summary>
/// <typeparam name="TRecord">What it records.</typeparam>
/// <typeparam name="TFunction">The functions it wires.</typeparam>
internal abstract class EventSourcePlanner<TRecord, TFunction> : ResourcePlanner<TRecord>
    where TRecord : DeployedResource where TFunction : FunctionManifest
{
    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArns];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var functions = context.Spec.Manifest.Functions.OfType<TFunction>().ToArray();
        if (functions.Length == 0)
            return;
        // The map is known while planning; the ARNs in it may be outputs of the steps that create the functions.
        if (!context.Require(FunctionPlanner.FunctionArns).TryGetKnown(out var arns))
            throw new InvalidOperationException($"{GetType().Name} needs the map of function ARNs while planning.");
        foreach (var function in functions)
        {
            var target = new FunctionTarget(function.Name, context.Names.FunctionOf(function.Name), arns.Of(function.Name));
            await PlanAsync(context, function, target, cancellationToken);
        }
    }

    /// <summary>Plans the wiring of one function.</summary>
    protected abstract Task PlanAsync(PlanningContext context, TFunction function, FunctionTarget target, CancellationToken cancellationToken);

    /// <inheritdoc/>
    protected override Task<TRecord?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        // Found again by a deploy, which knows the app's functions (by name, or by function and source); a delete
        // without a state file removes the functions, and with them what invokes them no longer can.
        Task.FromResult<TRecord?>(null);

    /// <summary>
    /// Adds the step that lets a service invoke the function for its source, unless the function's policy already
    /// has the statement (read only when both the function and the source exist).
    /// </summary>
    /// <param name="context">The planning context.</param>
    /// <param name="resource">The resource the step belongs to.</param>
    /// <param name="target">The function.</param>
    /// <param name="wanted">The statement.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="recordAs">
    /// The record of a resource that is the statement itself: adopted when the policy has it, recorded once added.
    /// Null when the source's own record names the statement.
    /// </param>
    protected static async Task PlanPermissionAsync(
        PlanningContext context, ResourcePlan resource, FunctionTarget target, Ref<InvokePermission> wanted, CancellationToken cancellationToken,
        Func<InvokePermission, DeployedResource>? recordAs = null)
    {
        var lambda = context.Aws.Lambda;
        string reason;
        if (wanted.TryGetKnown(out var permission) && target.Arn.TryGetKnown(out _))
        {
            var policy = await lambda.GetPolicyAsync(target.FunctionName, cancellationToken);
            if (permission.IsIn(policy))
            {
                if (recordAs is not null)
                    resource.Adopt(recordAs(permission));
                return;
            }
            reason = permission.IdIsIn(policy)
                ? $"the function's statement {permission.StatementId} names another source"
                : $"{permission.Principal} may not invoke the function";
        }
        else
        {
            reason = target.Arn.TryGetKnown(out _) ? "the source is new" : "the function is new";
        }
        resource.Step(AwsService.Lambda, "AddPermission", reason, async (step, ct) =>
        {
            var added = step.Get(wanted);
            await added.AddAsync(lambda, target.FunctionName, ct);
            if (recordAs is not null)
                step.Record(recordAs(added));
        }, consumes: [wanted], target: target.FunctionName);
    }

    /// <summary>The Lambda function an event source invokes.</summary>
    /// <param name="Name">Its name in the app (<c>resize</c>).</param>
    /// <param name="FunctionName">Its Lambda function's name (<c>{app}-{stage}-resize</c>).</param>
    /// <param name="Arn">Its ARN, known once it exists.</param>
    protected internal sealed record FunctionTarget(string Name, string FunctionName, Ref<string> Arn);
}
