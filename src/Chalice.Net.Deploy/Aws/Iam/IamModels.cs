namespace Chalice.Deploy.Aws.Iam;

/// <summary>An IAM role.</summary>
internal sealed record IamRole
{
    /// <summary>The role name.</summary>
    public required string RoleName { get; init; }

    /// <summary>The role ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>The stable unique id.</summary>
    public string? RoleId { get; init; }

    /// <summary>The path, e.g. <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>When the role was created.</summary>
    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>The trust policy as JSON (IAM sends it URL-encoded; this is decoded).</summary>
    public string? AssumeRolePolicyDocument { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The maximum session duration in seconds.</summary>
    public int? MaxSessionDuration { get; init; }

    /// <summary>The role's tags as returned by <c>GetRole</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>The input of <c>CreateRole</c>.</summary>
internal sealed record CreateRoleRequest
{
    /// <summary>The role name.</summary>
    public required string RoleName { get; init; }

    /// <summary>The trust policy (JSON), e.g. allowing <c>lambda.amazonaws.com</c> to assume the role.</summary>
    public required string AssumeRolePolicyDocument { get; init; }

    /// <summary>The path; IAM defaults to <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to create the role with.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
