using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.State;
using Chalice.Policy.Documents;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the execution role and its inline policy when the deployer manages the role, and publishes the role's ARN
/// (the user's own, <c>iam_role_arn</c>, when it does not; a role an earlier deploy made is then deleted, as any
/// recorded resource the plan no longer claims).
/// </summary>
internal sealed class RolePlanner : ResourcePlanner<DeployedRole>
{
    /// <summary>The role's logical name (Chalice's).</summary>
    public const string LogicalName = "default-role";

    /// <summary>Lets Lambda assume the role (Chalice's trust policy).</summary>
    public const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>The ARN of the role the function runs as.</summary>
    public static Export<string> RoleArn { get; } = new("role ARN");

    /// <inheritdoc/>
    public override string ResourceType => "iam_role";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [RoleArn];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var config = context.Spec.Config;
        var names = context.Names;
        var iam = context.Aws.Iam;
        if (!config.ManageIamRole)
        {
            var users = config.IamRoleArn is { Length: > 0 } arn
                ? arn
                : throw new ChaliceConfigException(
                    $"{config.Stage}: manage_iam_role is false, so iam_role_arn must name the role the function runs as.");
            context.Publish(RoleArn, Ref.Known(RoleArn.Description, users, origin: null));
            return;
        }

        var basePolicy = PolicyDocument.Validate(await context.Spec.Policy(cancellationToken), $"The IAM policy of {names.Role}");
        // An inferred policy also lets Lambda poll the app's queues and streams (a policy file is the user's, verbatim).
        var region = context.Region;
        var manifest = context.Spec.Manifest;
        string PolicyIn(string account) => config.AutogenPolicy ? EventSourcePolicy.With(basePolicy, manifest, region, account) : basePolicy;
        var role = await iam.GetRoleAsync(names.Role, cancellationToken);
        var desired = new DesiredRole(names.Role, TrustPolicy, names.Policy, role is null ? basePolicy : PolicyIn(Arn.Account(role.Arn)));
        var resource = context.Resource(LogicalName, names.Role, desired);
        if (role is null)
        {
            var created = new StepOutput<string>(RoleArn.Description);
            resource.Step(AwsService.Iam, "CreateRole", "the role does not exist",
                (step, ct) => CreateAsync(step, iam, names, created, ct), produces: [created]);
            if (config.AutogenPolicy && EventSourcePolicy.IsNeeded(manifest))
                resource.Step(AwsService.Iam, "PutRolePolicy", "the role is new",
                    (step, ct) => iam.PutRolePolicyAsync(names.Role, names.Policy, PolicyIn(Arn.Account(step.Get(created))), ct),
                    consumes: [created], target: names.Policy);
            else
                resource.Step(AwsService.Iam, "PutRolePolicy", "the role is new",
                    (_, ct) => iam.PutRolePolicyAsync(names.Role, names.Policy, basePolicy, ct), target: names.Policy);
            context.Publish(RoleArn, created);
            return;
        }

        var inline = await iam.GetRolePolicyAsync(names.Role, names.Policy, cancellationToken);
        resource.Observed = new ObservedRole(role, inline);
        resource.Adopt(Record(names, role.Arn));
        context.Publish(RoleArn, Ref.Known(RoleArn.Description, role.Arn, LogicalName));
        if (!PolicyJson.Same(role.AssumeRolePolicyDocument, TrustPolicy))
            resource.Step(AwsService.Iam, "UpdateAssumeRolePolicy", "Lambda may not assume the role",
                (_, ct) => iam.UpdateAssumeRolePolicyAsync(names.Role, TrustPolicy, ct));
        if (!role.Tags.TryGetValue(ResourceNames.TagKey, out var tag) || tag != names.TagValue)
            resource.Step(AwsService.Iam, "TagRole", $"the role lacks the tag {ResourceNames.TagKey}={names.TagValue}",
                (_, ct) => iam.TagRoleAsync(names.Role, new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue }, ct));
        if (!PolicyJson.Same(inline, desired.Policy))
            resource.Step(AwsService.Iam, "PutRolePolicy", inline is null ? "the role has no inline policy" : "the policy changed",
                (_, ct) => iam.PutRolePolicyAsync(names.Role, names.Policy, desired.Policy, ct), target: names.Policy);
    }

    /// <inheritdoc/>
    protected override async Task<DeployedRole?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await aws.Iam.GetRoleAsync(names.Role, cancellationToken) is { } role && role.Tags.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue
            ? Record(names, role.Arn)
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

    private static DeployedRole Record(ResourceNames names, string arn) =>
        new() { Name = LogicalName, RoleName = names.Role, RoleArn = arn, PolicyName = names.Policy };

    private static async Task CreateAsync(StepContext step, IIamApi iam, ResourceNames names, StepOutput<string> arn, CancellationToken cancellationToken)
    {
        IamRole role;
        try
        {
            role = await iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = names.Role,
                AssumeRolePolicyDocument = TrustPolicy,
                Description = $"Execution role of {names.Function} (chalice-net)",
                Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue },
            }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The first attempt's answer was lost and its replay found the role: read back what it created.
            var found = await iam.GetRoleAsync(names.Role, cancellationToken);
            if (found is null)
                throw;
            role = found;
        }
        step.Set(arn, role.Arn);
        step.Record(Record(names, role.Arn));
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
