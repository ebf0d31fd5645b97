using System.Xml.Linq;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>POST /bucket?delete</c>: deletes up to 1,000 keys named in a <c>&lt;Delete&gt;</c> document and reports each
/// one as deleted (missing keys included, as in S3) or as an error; <c>&lt;Quiet&gt;true&lt;/Quiet&gt;</c> reports errors only.
/// </summary>
internal static class DeleteObjects
{
    private const int MaxKeys = 1000;

    public static async Task ExecuteAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var (objects, quiet) = await ReadRequestAsync(call);

        var results = new List<XElement>();
        foreach (var (key, versionId) in objects)
        {
            try
            {
                ObjectKey.Validate(key);
                var removal = await DeleteObject.DeleteAsync(call, key, versionId);
                if (!quiet)
                    results.Add(DeletedElement(key, versionId, removal));
            }
            catch (S3ErrorException error)
            {
                results.Add(S3Xml.Element("Error",
                    S3Xml.Element("Key", key), S3Xml.Element("Code", error.Code), S3Xml.Element("Message", error.Message)));
            }
        }
        await S3Xml.WriteAsync(call.Response, S3Xml.Element("DeleteResult", results));
    }

    /// <summary>
    /// A <c>Deleted</c> result: the version deleted, or the delete marker made or deleted
    /// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletedObject.html).
    /// </summary>
    private static XElement DeletedElement(string key, string? versionId, ObjectRemoval removal) =>
        S3Xml.Element("Deleted",
            S3Xml.Element("Key", key),
            versionId is null ? null : S3Xml.Element("VersionId", versionId),
            removal.IsDeleteMarker ? S3Xml.Element("DeleteMarker", "true") : null,
            removal.IsDeleteMarker ? S3Xml.Element("DeleteMarkerVersionId", removal.VersionId) : null);

    private static async Task<(IReadOnlyList<(string Key, string? VersionId)> Objects, bool Quiet)> ReadRequestAsync(S3Call call)
    {
        var root = await S3Xml.ReadRequestAsync(call, "Delete");
        var keys = root.Elements().Where(e => e.Name.LocalName == "Object").Select(ReadObject).ToList();
        if (keys.Count is 0 or > MaxKeys)
            throw S3ErrorException.MalformedXml();
        var quiet = S3Xml.ChildValue(root, "Quiet");
        return (keys, string.Equals(quiet, "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// One <c>Object</c>: its key and version. The conditions an object may also carry (<c>ETag</c>,
    /// <c>LastModifiedTime</c>, <c>Size</c>) are refused with 501 rather than ignored, which would delete what they protect.
    /// </summary>
    private static (string Key, string? VersionId) ReadObject(XElement element)
    {
        if (element.Elements().FirstOrDefault(e => e.Name.LocalName is not ("Key" or "VersionId")) is { } condition)
            throw S3ErrorException.NotImplemented($"the '{condition.Name.LocalName}' condition of a DeleteObjects object");
        return (S3Xml.ChildValue(element, "Key") ?? throw S3ErrorException.MalformedXml(),
            S3Xml.ChildValue(element, "VersionId"));
    }
}
