using System.Text.RegularExpressions;
using Chalice.Policy.Actions;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>
/// S3 actions on objects are allowed on <c>arn:aws:s3:::BUCKET/KEY</c>, bucket actions on <c>arn:aws:s3:::BUCKET</c>
/// (the resource types of AWS's Service Authorization Reference). The key is the exact key when it is a constant,
/// <c>prefix*</c> when only its start is constant (<c>$"uploads/{id}"</c>) or when the call names a key prefix
/// (<c>S3Directory</c>, <c>KeyPrefix</c>), else <c>*</c>. An unprovable bucket gives <c>"*"</c>.
/// </summary>
internal sealed partial class S3ResourceScope : IResourceScope
{
    private const string Arn = "arn:aws:s3:::";

    public ResourceGrant Resolve(ActionRequirement action, CallInputs inputs)
    {
        if (action.Name == "ListAllMyBuckets")
            return ResourceGrant.Any;
        var role = action.Role;
        var buckets = ArnText.Known(inputs.Get(role.Length == 0 ? "BucketName" : role + "Bucket"));
        if (buckets is null)
            return ResourceGrant.Any;
        var bucketTexts = buckets.Select(ArnText.Of).ToArray();
        if (!ObjectAction().IsMatch(action.Name))
            return new ResourceGrant("Buckets", bucketTexts.Select(b => Arn + b).ToArray());

        var keys = role.Length == 0 ? inputs.Get("Key", "objectKey") : inputs.Get(role + "Key");
        var keyTexts = keys is not null
            ? ArnText.Known(keys)?.Select(ArnText.Of).ToArray() ?? ["*"]
            : ArnText.Known(inputs.Get("Prefix", "S3Directory", "KeyPrefix"))?
                  .Select(p => ArnText.Of(StringPattern.StartsWith(p.Text))).ToArray() ?? ["*"];
        return new ResourceGrant("Objects", bucketTexts.SelectMany(b => keyTexts.Select(k => $"{Arn}{b}/{k}")).ToArray());
    }

    // Object actions: s3:GetObject*, PutObject*, DeleteObject*, RestoreObject, ReplicateObject, … and the two
    // multipart-upload actions; GetBucketObjectLockConfiguration and the rest are bucket actions.
    [GeneratedRegex("^((Get|Put|Delete|Restore|Replicate|Update)Object|AbortMultipartUpload$|ListMultipartUploadParts$|BypassGovernanceRetention$)")]
    private static partial Regex ObjectAction();
}
