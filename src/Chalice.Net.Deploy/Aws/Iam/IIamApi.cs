namespace Chalice.Deploy.Aws.Iam;

/// <summary>The IAM role operations the deployer uses.</summary>
internal interface IIamApi
{
    /// <summary>A role, or null when it does not exist.</summary>
    Task<IamRole?> GetRoleAsync(string roleName, CancellationToken cancellationToken = default);

    /// <summary>Creates a role.</summary>
    Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a role's trust policy.</summary>
    Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags of a role.</summary>
    Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>An inline policy's document (JSON, URL-decoded), or null when the role has no such policy.</summary>
    Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an inline policy.</summary>
    Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken = default);

    /// <summary>Deletes an inline policy.</summary>
    Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default);

    /// <summary>The names of a role's inline policies (all pages).</summary>
    Task<IReadOnlyList<string>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a role (its inline policies must be deleted first).</summary>
    Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default);
}
