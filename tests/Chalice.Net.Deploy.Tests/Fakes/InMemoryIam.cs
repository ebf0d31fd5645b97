using System.Net;
using System.Text.Json;
using Chalice.Deploy.Aws.Iam;
using static Chalice.Deploy.Aws.Iam.IamOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// IAM roles and inline policies in memory, answering as IAM does for the operations the deployer uses. Error codes
/// and statuses are the IAM model's (shared/fixtures/aws-models/iam/2010-05-08/service-2.json: NoSuchEntity 404,
/// EntityAlreadyExists 409, DeleteConflict 409, MalformedPolicyDocument 400); role ARNs are
/// <c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c> (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
/// </summary>
internal sealed class InMemoryIam(InMemoryCalls calls, string account) : IIamApi
{
    private readonly Dictionary<string, Role> _roles = new(StringComparer.OrdinalIgnoreCase);
    private int _ids;

    /// <summary>The roles that exist, by name.</summary>
    public IReadOnlyCollection<string> RoleNames => [.. _roles.Values.Select(r => r.Name)];

    /// <summary>A role's inline policies (name to document), for assertions.</summary>
    public IReadOnlyDictionary<string, string> InlinePolicies(string roleName) => Find(GetRole, roleName).Policies;

    public Task<IamRole?> GetRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetRole, () => Find(GetRole, roleName).ToModel());

    public Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateRole, () =>
        {
            if (_roles.ContainsKey(request.RoleName))
                throw InMemoryCalls.Error(CreateRole, HttpStatusCode.Conflict, "EntityAlreadyExists", $"Role with name {request.RoleName} already exists.");
            RequirePolicy(CreateRole, request.AssumeRolePolicyDocument);
            var path = request.Path ?? "/";
            var role = new Role(request.RoleName, $"arn:aws:iam::{account}:role{path}{request.RoleName}", $"AROA{++_ids:D17}", path)
            {
                Trust = request.AssumeRolePolicyDocument,
                Description = request.Description,
            };
            foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
                role.Tags[key] = value;
            _roles[role.Name] = role;
            return role.ToModel();
        });

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateAssumeRolePolicy, () =>
        {
            var role = Find(UpdateAssumeRolePolicy, roleName);
            RequirePolicy(UpdateAssumeRolePolicy, policyDocument);
            role.Trust = policyDocument;
        });

    public Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        calls.Run(TagRole, () =>
        {
            var role = Find(TagRole, roleName);
            foreach (var (key, value) in tags)
                role.Tags[key] = value;
        });

    public Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetRolePolicy, () => Find(GetRolePolicy, roleName).Policies.TryGetValue(policyName, out var document)
            ? document
            : throw InMemoryCalls.Error(GetRolePolicy, HttpStatusCode.NotFound, "NoSuchEntity",
                $"The role policy with name {policyName} cannot be found."));

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken = default) =>
        calls.Run(PutRolePolicy, () =>
        {
            var role = Find(PutRolePolicy, roleName);
            RequirePolicy(PutRolePolicy, policyDocument);
            role.Policies[policyName] = policyDocument;
        });

    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRolePolicy, () =>
        {
            if (!Find(DeleteRolePolicy, roleName).Policies.Remove(policyName))
                throw InMemoryCalls.Error(DeleteRolePolicy, HttpStatusCode.NotFound, "NoSuchEntity",
                    $"The role policy with name {policyName} cannot be found.");
        });

    public Task<IReadOnlyList<string>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<string>>(ListRolePolicies, () => [.. Find(ListRolePolicies, roleName).Policies.Keys.Order(StringComparer.Ordinal)]);

    public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRole, () =>
        {
            var role = Find(DeleteRole, roleName);
            if (role.Policies.Count > 0)
                throw InMemoryCalls.Error(DeleteRole, HttpStatusCode.Conflict, "DeleteConflict", "Cannot delete entity, must delete policies first.");
            _roles.Remove(role.Name);
        });

    /// <summary>Whether <paramref name="arn"/> names a role that exists (Lambda checks the role it is given).</summary>
    internal bool HasRoleArn(string? arn) => _roles.Values.Any(r => r.Arn == arn);

    private Role Find(Chalice.Deploy.Aws.AwsOperation operation, string roleName) =>
        _roles.TryGetValue(roleName, out var role)
            ? role
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NoSuchEntity", $"The role with name {roleName} cannot be found.");

    private static void RequirePolicy(Chalice.Deploy.Aws.AwsOperation operation, string document)
    {
        try
        {
            using var parsed = JsonDocument.Parse(document);
            if (parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.TryGetProperty("Statement", out _))
                return;
        }
        catch (JsonException)
        {
        }
        throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "MalformedPolicyDocument", "Syntax errors in policy.");
    }

    private sealed class Role(string name, string arn, string id, string path)
    {
        public string Name { get; } = name;

        public string Arn { get; } = arn;

        public string Trust { get; set; } = "";

        public string? Description { get; init; }

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Policies { get; } = new(StringComparer.Ordinal);

        public IamRole ToModel() => new()
        {
            RoleName = Name,
            Arn = Arn,
            RoleId = id,
            Path = path,
            AssumeRolePolicyDocument = Trust,
            Description = Description,
            Tags = new Dictionary<string, string>(Tags),
        };
    }
}
