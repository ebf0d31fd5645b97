using System.Xml;
using System.Xml.Linq;
using Chalice.Local.S3.Protocol;

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
        var (keys, quiet) = await ReadRequestAsync(call);

        var results = new List<XElement>();
        foreach (var key in keys)
        {
            try
            {
                ObjectKey.Validate(key);
                if (call.Store.DeleteObject(call.Bucket, key))
                    call.ReportChange("ObjectRemoved:Delete", key, stored: null); // as DeleteObject: only what was there
                if (!quiet)
                    results.Add(S3Xml.Element("Deleted", S3Xml.Element("Key", key)));
            }
            catch (S3ErrorException error)
            {
                results.Add(S3Xml.Element("Error",
                    S3Xml.Element("Key", key), S3Xml.Element("Code", error.Code), S3Xml.Element("Message", error.Message)));
            }
        }
        await S3Xml.WriteAsync(call.Response, S3Xml.Element("DeleteResult", results));
    }

    private static async Task<(IReadOnlyList<string> Keys, bool Quiet)> ReadRequestAsync(S3Call call)
    {
        XDocument document;
        try
        {
            await using var payload = RequestPayload.Open(call);
            document = await XDocument.LoadAsync(payload, LoadOptions.None, call.Aborted);
        }
        catch (XmlException)
        {
            throw S3ErrorException.MalformedXml();
        }
        var root = document.Root;
        if (root?.Name.LocalName != "Delete")
            throw S3ErrorException.MalformedXml();
        var keys = root.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(o => o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? throw S3ErrorException.MalformedXml())
            .ToList();
        if (keys.Count is 0 or > MaxKeys)
            throw S3ErrorException.MalformedXml();
        var quiet = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet")?.Value;
        return (keys, string.Equals(quiet, "true", StringComparison.OrdinalIgnoreCase));
    }
}
