using Chalice.Policy.Values;

namespace Chalice.Policy.Actions;

/// <summary>
/// S3 authorises a request for one version of an object (a <c>VersionId</c> is set) with the <c>…Version…</c> variant
/// of the object action. A version that is always set needs only that variant; one that may be null needs both.
/// </summary>
internal static class S3ObjectVersions
{
    private static readonly Dictionary<string, string> s_versioned = new(StringComparer.Ordinal)
    {
        ["s3:GetObject"] = "s3:GetObjectVersion",
        ["s3:DeleteObject"] = "s3:DeleteObjectVersion",
        ["s3:GetObjectAcl"] = "s3:GetObjectVersionAcl",
        ["s3:PutObjectAcl"] = "s3:PutObjectVersionAcl",
        ["s3:GetObjectTagging"] = "s3:GetObjectVersionTagging",
        ["s3:PutObjectTagging"] = "s3:PutObjectVersionTagging",
        ["s3:DeleteObjectTagging"] = "s3:DeleteObjectVersionTagging",
        ["s3:GetObjectAttributes"] = "s3:GetObjectVersionAttributes",
    };

    public static IReadOnlyList<ActionRequirement> Apply(IReadOnlyList<ActionRequirement> actions, CallInputs inputs)
    {
        var result = new List<ActionRequirement>(actions.Count);
        foreach (var action in actions)
        {
            if (!s_versioned.TryGetValue(action.Action, out var versioned) ||
                inputs.Get(action.Role + "VersionId") is not { Patterns.Count: > 0 } version)
            {
                result.Add(action); // no version, or only ever null
                continue;
            }
            if (version.MayBeNull)
                result.Add(action);
            result.Add(action with { Action = versioned });
        }
        return result;
    }
}
