using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.Iam;
using Chalice.Deploy.State;
using Chalice.Policy.Documents;

namespace Chalice.Deploy.Planning;

/// <summary>Plans the execution role and its inline policy (when the deployer manages the role).</summary>
internal static class RolePlanner
{
    /// <summary>Lets Lambda assume the role (Chalice's trust policy).</summary>
    public const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public static async Task PlanAsync(DeploymentRun run, List<PlannedStep> steps, CancellationToken cancellationToken)
    {
        var config = run.Spec.Config;
        var names = run.Names;
        if (!config.ManageIamRole)
        {
            run.RoleArn = config.IamRoleArn is { Length: > 0 } arn
                ? arn
                : throw new ChaliceConfigException(
                    $"{config.Stage}: manage_iam_role is false, so iam_role_arn must name the role the function runs as.");
            return;
        }

        run.Policy = PolicyDocument.Validate(await run.Spec.Policy(cancellationToken), $"The IAM policy of {names.Role}");
        var role = await run.Aws.Iam.GetRoleAsync(names.Role, cancellationToken);
        if (role is null)
        {
            steps.Add(Step("CreateRole", names.Role, "the role does not exist", CreateRoleAsync));
            steps.Add(Step("PutRolePolicy", names.Policy, "the role is new", PutPolicyAsync));
            return;
        }

        run.RoleArn = role.Arn;
        run.Adopt(Recorded(names, role.Arn));
        if (!PolicyJson.Same(role.AssumeRolePolicyDocument, TrustPolicy))
            steps.Add(Step("UpdateAssumeRolePolicy", names.Role, "Lambda may not assume the role", UpdateTrustAsync));
        if (!role.Tags.TryGetValue(ResourceNames.TagKey, out var tag) || tag != names.TagValue)
            steps.Add(Step("TagRole", names.Role, $"the role lacks the tag {ResourceNames.TagKey}={names.TagValue}", TagAsync));
        var current = await run.Aws.Iam.GetRolePolicyAsync(names.Role, names.Policy, cancellationToken);
        if (!PolicyJson.Same(current, run.Policy))
            steps.Add(Step("PutRolePolicy", names.Policy, current is null ? "the role has no inline policy" : "the policy changed", PutPolicyAsync));
    }

    /// <summary>Removes a role an earlier deploy created when the stage now runs as a role of the user's.</summary>
    public static void PlanCleanup(DeploymentRun run, List<PlannedStep> steps)
    {
        if (run.Spec.Config.ManageIamRole || run.State.Find<DeployedRole>() is not { } stale)
            return;
        steps.Add(Step("DeleteRolePolicy", stale.PolicyName, "the stage now uses iam_role_arn", (r, ct) => DeletePolicyAsync(r.Aws.Iam, stale, ct)));
        steps.Add(Step("DeleteRole", stale.RoleName, "the stage now uses iam_role_arn", async (r, ct) =>
        {
            await DeleteRoleAsync(r.Aws.Iam, stale.RoleName, ct);
            r.Forget<DeployedRole>();
        }));
    }

    /// <summary>Deletes a recorded role's inline policy; a policy that is already gone is fine.</summary>
    public static async Task DeletePolicyAsync(IIamApi iam, DeployedRole role, CancellationToken cancellationToken)
    {
        try
        {
            await iam.DeleteRolePolicyAsync(role.RoleName, role.PolicyName, cancellationToken);
        }
        catch (AwsServiceException e) when (e.IsNotFound)
        {
        }
    }

    /// <summary>
    /// Deletes a role; one that is already gone is fine. Inline policies added outside the deployer would block the
    /// delete (<c>DeleteConflict</c>): the role is ours, so they go with it.
    /// </summary>
    public static async Task DeleteRoleAsync(IIamApi iam, string roleName, CancellationToken cancellationToken)
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

    private static DeployedRole Recorded(ResourceNames names, string arn) =>
        new() { Name = "default-role", RoleName = names.Role, RoleArn = arn, PolicyName = names.Policy };

    private static async Task CreateRoleAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var names = run.Names;
        IamRole role;
        try
        {
            role = await run.Aws.Iam.CreateRoleAsync(new CreateRoleRequest
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
            var created = await run.Aws.Iam.GetRoleAsync(names.Role, cancellationToken);
            if (created is null)
                throw;
            role = created;
        }
        run.RoleArn = role.Arn;
        run.Record(Recorded(names, role.Arn));
    }

    private static Task PutPolicyAsync(DeploymentRun run, CancellationToken cancellationToken) =>
        run.Aws.Iam.PutRolePolicyAsync(run.Names.Role, run.Names.Policy, run.Policy!, cancellationToken);

    private static Task UpdateTrustAsync(DeploymentRun run, CancellationToken cancellationToken) =>
        run.Aws.Iam.UpdateAssumeRolePolicyAsync(run.Names.Role, TrustPolicy, cancellationToken);

    private static Task TagAsync(DeploymentRun run, CancellationToken cancellationToken) =>
        run.Aws.Iam.TagRoleAsync(run.Names.Role, new Dictionary<string, string> { [ResourceNames.TagKey] = run.Names.TagValue }, cancellationToken);

    private static PlannedStep Step(string operation, string target, string reason, Func<DeploymentRun, CancellationToken, Task> apply) =>
        new("IAM", operation, target, reason, apply);
}
