using System.Xml.Linq;
using Chalice.Deploy.Aws.Protocols;
using Chalice.Deploy.Aws.Signing;
using static Chalice.Deploy.Aws.Protocols.QueryResponse;

namespace Chalice.Deploy.Aws.Iam;

/// <summary><see cref="IIamApi"/> over IAM's query protocol.</summary>
internal sealed class IamClient(QueryChannel channel) : IIamApi
{
    public async Task<IamRole?> GetRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(channel.Request(IamOperations.GetRole).Add("RoleName", roleName), cancellationToken)
            .OrNullIfNotFound().ConfigureAwait(false);
        return response is null ? null : ReadRole(Child(response.Result, "Role"));
    }

    public async Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(channel.Request(IamOperations.CreateRole)
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Path", request.Path)
            .Add("Description", request.Description)
            .AddTags("Tags", request.Tags), cancellationToken).ConfigureAwait(false);
        return ReadRole(Child(response.Result, "Role"));
    }

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(
            channel.Request(IamOperations.UpdateAssumeRolePolicy).Add("RoleName", roleName).Add("PolicyDocument", policyDocument), cancellationToken);

    public Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(channel.Request(IamOperations.TagRole).Add("RoleName", roleName).AddTags("Tags", tags), cancellationToken);

    public async Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default)
    {
        var response = await channel.SendAsync(
                channel.Request(IamOperations.GetRolePolicy).Add("RoleName", roleName).Add("PolicyName", policyName), cancellationToken)
            .OrNullIfNotFound().ConfigureAwait(false);
        return response is null ? null : DecodePolicy(Text(response.Result, "PolicyDocument"));
    }

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(channel.Request(IamOperations.PutRolePolicy)
            .Add("RoleName", roleName).Add("PolicyName", policyName).Add("PolicyDocument", policyDocument), cancellationToken);

    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(
            channel.Request(IamOperations.DeleteRolePolicy).Add("RoleName", roleName).Add("PolicyName", policyName), cancellationToken);

    public async Task<IReadOnlyList<string>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var page in PagesAsync(IamOperations.ListRolePolicies, roleName, cancellationToken).ConfigureAwait(false))
            names.AddRange(Members(page, "PolicyNames").Select(m => m.Value));
        return names;
    }

    public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        channel.SendWithoutResultAsync(channel.Request(IamOperations.DeleteRole).Add("RoleName", roleName), cancellationToken);

    /// <summary>Follows <c>IsTruncated</c>/<c>Marker</c> through every page of a role-scoped list operation.</summary>
    private async IAsyncEnumerable<XElement> PagesAsync(
        AwsOperation operation, string roleName, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var response = await channel.SendAsync(
                channel.Request(operation).Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
            yield return response.Result;
            marker = Bool(response.Result, "IsTruncated") ? Text(response.Result, "Marker") : null;
        }
        while (marker is not null);
    }

    private static IamRole ReadRole(XElement? role) => new()
    {
        RoleName = Text(role, "RoleName") ?? "",
        Arn = Text(role, "Arn") ?? "",
        RoleId = Text(role, "RoleId"),
        Path = Text(role, "Path"),
        CreateDate = Timestamp(role, "CreateDate"),
        AssumeRolePolicyDocument = DecodePolicy(Text(role, "AssumeRolePolicyDocument")),
        Description = Text(role, "Description"),
        MaxSessionDuration = Int(role, "MaxSessionDuration"),
        Tags = Tags(role),
    };

    // IAM returns policy documents URL-encoded (RFC 3986), inside the XML.
    private static string? DecodePolicy(string? document) => document is null ? null : AwsUriEncoding.Decode(document);
}
