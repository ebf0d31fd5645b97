namespace Chalice.Deploy.Aws.Iam;

/// <summary>The IAM operations the client calls, with how each behaves when replayed.</summary>
internal static class IamOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.Iam, name, replay);

    /// <summary><c>GetRole</c>.</summary>
    public static AwsOperation GetRole { get; } = Op("GetRole", ReplayBehavior.Read);

    /// <summary><c>CreateRole</c>: a replay of a create that did succeed fails with EntityAlreadyExists.</summary>
    public static AwsOperation CreateRole { get; } = Op("CreateRole", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>UpdateAssumeRolePolicy</c>: sets the whole document.</summary>
    public static AwsOperation UpdateAssumeRolePolicy { get; } = Op("UpdateAssumeRolePolicy", ReplayBehavior.Converges);

    /// <summary><c>TagRole</c>: sets the same values again.</summary>
    public static AwsOperation TagRole { get; } = Op("TagRole", ReplayBehavior.Converges);

    /// <summary><c>GetRolePolicy</c>.</summary>
    public static AwsOperation GetRolePolicy { get; } = Op("GetRolePolicy", ReplayBehavior.Read);

    /// <summary><c>PutRolePolicy</c>: creates or replaces the whole document.</summary>
    public static AwsOperation PutRolePolicy { get; } = Op("PutRolePolicy", ReplayBehavior.Converges);

    /// <summary><c>DeleteRolePolicy</c>: a replay finds the policy gone.</summary>
    public static AwsOperation DeleteRolePolicy { get; } = Op("DeleteRolePolicy", ReplayBehavior.Deletes);

    /// <summary><c>ListRolePolicies</c>.</summary>
    public static AwsOperation ListRolePolicies { get; } = Op("ListRolePolicies", ReplayBehavior.Read);

    /// <summary><c>DeleteRole</c>: a replay finds the role gone.</summary>
    public static AwsOperation DeleteRole { get; } = Op("DeleteRole", ReplayBehavior.Deletes);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        GetRole, CreateRole, UpdateAssumeRolePolicy, TagRole, GetRolePolicy, PutRolePolicy, DeleteRolePolicy,
        ListRolePolicies, DeleteRole,
    ];
}
