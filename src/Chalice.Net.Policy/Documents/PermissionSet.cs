using Chalice.Policy.Resources;

namespace Chalice.Policy.Documents;

/// <summary>
/// Accumulates (action, resources) grants and turns them into the fewest statements that grant nothing more: one per
/// IAM prefix, resource scope and set of resources, Sid <c>{Prefix}{Scope}</c> (<c>S3Objects</c>, <c>SqsQueues</c>,
/// <c>Sts</c> for <c>"*"</c>), numbered when a scope needs several statements. An action allowed on <c>"*"</c> is
/// not repeated on narrower resources.
/// </summary>
internal sealed class PermissionSet
{
    /// <summary>Chalice's statement for the function's CloudWatch Logs, always present.</summary>
    public static PolicyStatement LogsStatement { get; } = new(
        "CloudWatchLogs",
        ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        ["arn:*:logs:*:*:*"]);

    /// <summary>
    /// What a function in a VPC needs to manage its network interfaces: Chalice's VPC_ATTACH_POLICY
    /// (chalice/constants.py), added when the function has both <c>subnet_ids</c> and <c>security_group_ids</c>.
    /// </summary>
    public static PolicyStatement VpcStatement { get; } = new(
        "VpcNetworkInterfaces",
        ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"],
        ["*"]);

    /// <summary>What X-Ray active tracing needs: Chalice's XRAY_POLICY (chalice/constants.py), added with <c>xray</c>.</summary>
    public static PolicyStatement XrayStatement { get; } = new("XRay", ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], ["*"]);

    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _resourcesByActionAndScope =
        new(StringComparer.Ordinal);

    public void Add(string action, ResourceGrant grant)
    {
        if (!_resourcesByActionAndScope.TryGetValue(action, out var scopes))
            _resourcesByActionAndScope[action] = scopes = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var scope = grant.IsAny ? "" : grant.Scope;
        if (!scopes.TryGetValue(scope, out var resources))
            scopes[scope] = resources = new SortedSet<string>(StringComparer.Ordinal);
        resources.UnionWith(grant.IsAny ? ["*"] : grant.Resources);
    }

    /// <summary>The statements, logs first, then by Sid.</summary>
    public IReadOnlyList<PolicyStatement> ToStatements()
    {
        var groups = new Dictionary<(string SidBase, string Resources), (SortedSet<string> Actions, string[] Resources)>();
        foreach (var (action, scopes) in _resourcesByActionAndScope)
        {
            var prefix = action[..action.IndexOf(':')];
            foreach (var (scope, resources) in scopes)
            {
                if (scope.Length > 0 && scopes.ContainsKey(""))
                    continue; // already allowed on every resource
                var minimal = WithoutCovered(resources);
                var key = (SidName(prefix) + scope, string.Join('\n', minimal));
                if (!groups.TryGetValue(key, out var group))
                    groups[key] = group = (new SortedSet<string>(StringComparer.Ordinal), minimal);
                group.Actions.Add(action);
            }
        }

        var statements = new List<PolicyStatement> { LogsStatement };
        foreach (var bySid in groups.GroupBy(g => g.Key.SidBase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = bySid.OrderBy(g => g.Key.Resources, StringComparer.Ordinal).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                var sid = ordered.Length == 1 ? bySid.Key : $"{bySid.Key}{i + 1}";
                statements.Add(new PolicyStatement(sid, ordered[i].Value.Actions.ToArray(), ordered[i].Value.Resources));
            }
        }
        return statements;
    }

    /// <summary>Drops resources that a trailing-wildcard resource of the same set already matches.</summary>
    private static string[] WithoutCovered(SortedSet<string> resources)
    {
        var wildcards = resources.Where(r => r.IndexOf('*') == r.Length - 1).ToArray();
        return resources
            .Where(r => !wildcards.Any(w => w != r && r.StartsWith(w[..^1], StringComparison.Ordinal)))
            .ToArray();
    }

    /// <summary><c>s3</c> → <c>S3</c>, <c>s3-object-lambda</c> → <c>S3ObjectLambda</c>: Sids are alphanumeric.</summary>
    private static string SidName(string prefix) =>
        string.Concat(prefix.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
