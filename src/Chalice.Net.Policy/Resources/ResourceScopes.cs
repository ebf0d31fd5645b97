using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>The resource narrowing of each IAM prefix; services without one get <c>"*"</c>.</summary>
internal static class ResourceScopes
{
    private static readonly Dictionary<string, IResourceScope> s_scopes = new(StringComparer.Ordinal)
    {
        ["s3"] = new S3ResourceScope(),
        ["sqs"] = new SqsResourceScope(),
        ["sts"] = new StsResourceScope(),
        ["dynamodb"] = new DynamoDbResourceScope(),
    };

    public static ResourceGrant Resolve(ActionRequirement action, CallInputs inputs) =>
        s_scopes.TryGetValue(action.Prefix, out var scope) ? scope.Resolve(action, inputs) : ResourceGrant.Any;
}
