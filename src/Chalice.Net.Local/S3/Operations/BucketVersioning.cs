using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>PUT</c> and <c>GET /bucket?versioning</c>: a bucket's versioning, never set, then <c>Enabled</c> or
/// <c>Suspended</c> (it cannot return to never set;
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html). MFA delete is refused with 501: it needs
/// an MFA device's codes on every delete, which a local stand-in cannot check.
/// </summary>
internal static class BucketVersioning
{
    public static readonly string[] Parameters = ["versioning"];

    public static async Task PutAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var (status, mfaDelete) = await ReadConfigurationAsync(call);
        if (mfaDelete == "Enabled")
            throw S3ErrorException.NotImplemented("MFA delete (MfaDelete Enabled)");
        if (status is not (StoredBucket.Enabled or StoredBucket.Suspended) || mfaDelete is not (null or "Disabled"))
            throw S3ErrorException.MalformedXml();
        if (!call.Store.TrySetVersioning(call.Bucket, status))
            throw S3ErrorException.NoSuchBucket(call.Bucket);
        call.Response.ContentLength = 0;
    }

    public static Task GetAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var status = call.Store.GetVersioning(call.Bucket);
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("VersioningConfiguration",
            status is null ? null : S3Xml.Element("Status", status)));
    }

    private static async Task<(string? Status, string? MfaDelete)> ReadConfigurationAsync(S3Call call)
    {
        var root = await S3Xml.ReadRequestAsync(call, "VersioningConfiguration");
        return (S3Xml.ChildValue(root, "Status"), S3Xml.ChildValue(root, "MfaDelete"));
    }
}
