namespace Chalice.Policy;

/// <summary>
/// The policy settings of one stage of <c>.chalice/config.json</c>, as Chalice defines them. Kept as a plain record so
/// this library depends on Roslyn only; the CLI fills it from the config model.
/// </summary>
public sealed record PolicySettings
{
    /// <summary>The stage, which names the default policy file (<c>policy-&lt;stage&gt;.json</c>).</summary>
    public string Stage { get; init; } = "dev";

    /// <summary><c>autogen_policy</c>: infer the policy from the code (true) or use the policy file (false).</summary>
    public bool AutogenPolicy { get; init; } = true;

    /// <summary><c>iam_policy_file</c>, relative to <c>.chalice/</c>; used when <see cref="AutogenPolicy"/> is false.</summary>
    public string? IamPolicyFile { get; init; }

    /// <summary>
    /// <c>iam_policy_merge_file</c> (Chalice.Net only), relative to <c>.chalice/</c>: statements added to the generated
    /// policy, for what the analyzer cannot see.
    /// </summary>
    public string? IamPolicyMergeFile { get; init; }

    /// <summary>The stage's <c>environment_variables</c>, which the function's code may read.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the function runs in a VPC (<c>subnet_ids</c> and <c>security_group_ids</c>): a generated policy then
    /// lets it manage its network interfaces, as Chalice's does (chalice/policy.py, generate_policy).
    /// </summary>
    public bool VpcAccess { get; init; }

    /// <summary>Whether <c>xray</c> is on: a generated policy then lets the function send traces, as Chalice's does.</summary>
    public bool XrayTracing { get; init; }

    /// <summary>The policy file used when the policy is not generated.</summary>
    public string PolicyFile => IamPolicyFile ?? $"policy-{Stage}.json";
}
