using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.State;
using Chalice.Policy.Documents;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans an execution role per function, each with its own inline policy (<see cref="FunctionPolicies"/>: what that
/// function's code reaches, plus what Lambda needs to poll its queue or stream), when the deployer manages the
/// function's role (<c>manage_iam_role</c>, stage-wide or in <c>lambda_functions.&lt;name&gt;</c>); otherwise the
/// function's <c>iam_role_arn</c> is its role. Publishes every function's role ARN. A role the app no longer uses
/// (a removed function's, or one replaced by the user's) is deleted, as any recorded resource the plan no longer claims.
/// </summary>
internal sealed class RolePlanner : ResourcePlanner<DeployedRole>
{
    /// <summary>The API function's role's logical name (Chalice's name for the role its functions share).</summary>
    public const string LogicalName = "default-role";

    /// <summary>Lets Lambda assume the role (Chalice's trust policy).</summary>
    public const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>The ARN of the role the API function runs as.</summary>
    public static Export<string> RoleArn { get; } = new("role ARN");

    /// <summary>The ARN of the role each function runs as, by the function's name.</summary>
    public static Export<IReadOnlyDictionary<string, Ref<string>>> RoleArns { get; } = new("role ARNs");

    /// <inheritdoc/>
    public override string ResourceType => "iam_role";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [RoleArn, RoleArns];

    /// <summary>
    /// The logical name of a function's role: <see cref="LogicalName"/> for the API function, whose role keeps the name
    /// and record it had when all functions shared it; <c>{name}_role</c> for the others, as Chalice names a function's own role.
    /// </summary>
    public static string LogicalNameOf(string function) => function == ChaliceConfig.ApiHandlerName ? LogicalName : $"{function}_role";

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var arns = new Dictionary<string, Ref<string>>(StringComparer.Ordinal);
        FunctionPolicies? policies = null;
        foreach (var function in context.Spec.FunctionNames)
        {
            var config = context.Spec.ConfigFor(function);
            if (!config.ManageIamRole)
            {
                var users = config.IamRoleArn is { Length: > 0 } arn
                    ? arn
                    : throw new ChaliceConfigException(
                        $"{config.Stage}: manage_iam_role is false for {function}, so iam_role_arn must name the role it runs as.");
                arns[function] = Ref.Known(RoleArn.Description, users, origin: null);
                continue;
            }
            policies ??= await context.Spec.Policy(cancellationToken);
            arns[function] = await PlanRoleAsync(context, function, config, policies.Of(function), cancellationToken);
        }
        context.Publish(RoleArn, arns[ChaliceConfig.ApiHandlerName]);
        context.Publish(RoleArns, Ref.Known<IReadOnlyDictionary<string, Ref<string>>>(RoleArns.Description, arns, origin: null));
    }

    /// <summary>Plans the role of one function and returns its ARN.</summary>
    private static async Task<Ref<string>> PlanRoleAsync(
        PlanningContext context, string function, StageConfig config, string policy, CancellationToken cancellationToken)
    {
        var iam = context.Aws.Iam;
        var (roleName, policyName) = (context.Names.RoleOf(function), context.Names.PolicyOf(function));
        var logicalName = LogicalNameOf(function);
        var basePolicy = PolicyDocument.Validate(policy, $"The IAM policy of {roleName}");
        // An inferred policy also lets Lambda poll the function's queue or stream (a policy file is the user's, verbatim).
        var region = context.Region;
        var manifest = context.Spec.Manifest.Functions.FirstOrDefault(f => f.Name == function);
        var polls = config.AutogenPolicy && EventSourcePolicy.IsNeeded(manifest);
        string PolicyIn(string account) => polls ? EventSourcePolicy.With(basePolicy, manifest, region, account) : basePolicy;
        var role = await iam.GetRoleAsync(roleName, cancellationToken);
        var desired = new DesiredRole(roleName, TrustPolicy, policyName, role is null ? basePolicy : PolicyIn(Arn.Account(role.Arn)));
        var resource = context.Resource(logicalName, roleName, desired);
        var functionName = context.Names.FunctionOf(function);
        if (role is null)
        {
            var created = new StepOutput<string>(function == ChaliceConfig.ApiHandlerName ? RoleArn.Description : $"{RoleArn.Description} of {function}");
            resource.Step(AwsService.Iam, "CreateRole", "the role does not exist",
                (step, ct) => CreateAsync(step, iam, context.Names, logicalName, roleName, policyName, functionName, created, ct), produces: [created]);
            if (polls)
                resource.Step(AwsService.Iam, "PutRolePolicy", "the role is new",
                    (step, ct) => iam.PutRolePolicyAsync(roleName, policyName, PolicyIn(Arn.Account(step.Get(created))), ct),
                    consumes: [created], target: policyName);
            else
                resource.Step(AwsService.Iam, "PutRolePolicy", "the role is new",
                    (_, ct) => iam.PutRolePolicyAsync(roleName, policyName, basePolicy, ct), target: policyName);
            return created;
        }

        var names = context.Names;
        var inline = await iam.GetRolePolicyAsync(roleName, policyName, cancellationToken);
        resource.Observed = new ObservedRole(role, inline);
        resource.Adopt(Record(logicalName, roleName, role.Arn, policyName));
        if (!PolicyJson.Same(role.AssumeRolePolicyDocument, TrustPolicy))
            resource.Step(AwsService.Iam, "UpdateAssumeRolePolicy", "Lambda may not assume the role",
                (_, ct) => iam.UpdateAssumeRolePolicyAsync(roleName, TrustPolicy, ct));
        if (!role.Tags.TryGetValue(ResourceNames.TagKey, out var tag) || tag != names.TagValue)
            resource.Step(AwsService.Iam, "TagRole", $"the role lacks the tag {ResourceNames.TagKey}={names.TagValue}",
                (_, ct) => iam.TagRoleAsync(roleName, new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue }, ct));
        if (!PolicyJson.Same(inline, desired.Policy))
            resource.Step(AwsService.Iam, "PutRolePolicy", inline is null ? "the role has no inline policy" : "the policy changed",
                (_, ct) => iam.PutRolePolicyAsync(roleName, policyName, desired.Policy, ct), target: policyName);
        return Ref.Known(RoleArn.Description, role.Arn, logicalName);
    }

    /// <inheritdoc/>
    protected override async Task<DeployedRole?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await aws.Iam.GetRoleAsync(names.Role, cancellationToken) is { } role && role.Tags.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue
            ? Record(LogicalName, names.Role, role.Arn, names.Policy)
            : null;

    /// <inheritdoc/>
    protected override string Describe(DeployedRole record) => $"IAM role {record.RoleName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedRole record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.Iam, "DeleteRolePolicy", record.PolicyName, "the role is deleted",
            (_, ct) => IgnoringNotFound(aws.Iam.DeleteRolePolicyAsync(record.RoleName, record.PolicyName, ct))),
        DeletionStep(record, AwsService.Iam, "DeleteRole", record.RoleName, "the stage no longer uses it",
            (_, ct) => DeleteRoleAsync(aws.Iam, record.RoleName, ct)),
    ];

    private static DeployedRole Record(string logicalName, string roleName, string arn, string policyName) =>
        new() { Name = logicalName, RoleName = roleName, RoleArn = arn, PolicyName = policyName };

    private static async Task CreateAsync(
        StepContext step, IIamApi iam, ResourceNames names, string logicalName, string roleName, string policyName, string functionName,
        StepOutput<string> arn, CancellationToken cancellationToken)
    {
        var role = await LostAnswers.CreateOrReadBackAsync(
            () => iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = roleName,
                AssumeRolePolicyDocument = TrustPolicy,
                Description = $"Execution role of {functionName} (chalice-net)",
                Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue },
            }, cancellationToken),
            () => iam.GetRoleAsync(roleName, cancellationToken));
        step.Set(arn, role.Arn);
        step.Record(Record(logicalName, roleName, role.Arn, policyName));
    }

    /// <summary>
    /// Deletes a role; one that is already gone is fine. Inline policies added outside the deployer would block the
    /// delete (<c>DeleteConflict</c>): the role is ours, so they go with it.
    /// </summary>
    private static async Task DeleteRoleAsync(IIamApi iam, string roleName, CancellationToken cancellationToken)
    {
        try
        {
            await iam.DeleteRoleAsync(roleName, cancellationToken);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DeleteConflict")
        {
            foreach (var policy in await iam.ListRolePoliciesAsync(roleName, cancellationToken))
                await iam.DeleteRolePolicyAsync(roleName, policy, cancellationToken);
            await iam.DeleteRoleAsync(roleName, cancellationToken);
        }
    }

    /// <summary>The role the app wants.</summary>
    /// <param name="RoleName">The role's name.</param>
    /// <param name="TrustPolicy">Who may assume it.</param>
    /// <param name="PolicyName">The inline policy's name.</param>
    /// <param name="Policy">The inline policy (validated JSON).</param>
    internal sealed record DesiredRole(string RoleName, string TrustPolicy, string PolicyName, string Policy);

    /// <summary>The role IAM has.</summary>
    /// <param name="Role">What <c>GetRole</c> answered.</param>
    /// <param name="InlinePolicy">What <c>GetRolePolicy</c> answered, or null when the role has no such policy.</param>
    internal sealed record ObservedRole(IamRole Role, string? InlinePolicy);
}
