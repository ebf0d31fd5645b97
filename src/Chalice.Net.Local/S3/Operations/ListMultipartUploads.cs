using System.Globalization;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>GET /bucket?uploads</c>: the multipart uploads in progress, by key (UTF-8 byte order) then by when they were
/// initiated, paged with <c>key-marker</c>/<c>upload-id-marker</c>
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html). <c>delimiter</c> is not supported
/// and is refused with 501 by the router's allow-list rather than ignored.
/// </summary>
internal static class ListMultipartUploads
{
    public static readonly string[] Parameters = ["uploads", "prefix", "key-marker", "upload-id-marker", "max-uploads", "encoding-type"];

    public static async Task ExecuteAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var prefix = call.Query("prefix") ?? "";
        var keyMarker = call.Query("key-marker") ?? "";
        var uploadIdMarker = call.Query("upload-id-marker") ?? "";
        var maxUploads = ReadMaxUploads(call);
        var encode = ListObjects.UrlEncoder(call);

        var all = call.Store.Uploads.List(call.Bucket)
            .Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(u => u.Key, Utf8KeyComparer.Instance).ThenBy(u => u.Initiated).ThenBy(u => u.UploadId, StringComparer.Ordinal)
            .ToList();
        var remaining = all.SkipWhile(u => IsAtOrBefore(u, all, keyMarker, uploadIdMarker)).ToList();
        var page = remaining.Take(maxUploads).ToList();
        var truncated = remaining.Count > page.Count;

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("ListMultipartUploadsResult",
            S3Xml.Element("Bucket", call.Bucket),
            S3Xml.Element("KeyMarker", encode(keyMarker)),
            S3Xml.Element("UploadIdMarker", uploadIdMarker),
            truncated ? S3Xml.Element("NextKeyMarker", encode(page[^1].Key)) : null,
            truncated ? S3Xml.Element("NextUploadIdMarker", page[^1].UploadId) : null,
            S3Xml.Element("Prefix", encode(prefix)),
            S3Xml.Element("MaxUploads", maxUploads),
            ListObjects.EncodingTypeElement(call),
            S3Xml.Element("IsTruncated", truncated ? "true" : "false"),
            page.Select(u => S3Xml.Element("Upload",
                S3Xml.Element("Key", encode(u.Key)),
                S3Xml.Element("UploadId", u.UploadId),
                S3Xml.Element("Initiator", S3Xml.Element("ID", LocalOwner.Id), S3Xml.Element("DisplayName", LocalOwner.DisplayName)),
                LocalOwner.Element(),
                S3Xml.Element("StorageClass", "STANDARD"),
                S3Xml.Element("Initiated", S3Xml.Timestamp(u.Initiated)),
                u.Checksum is { } checksum ? S3Xml.Element("ChecksumAlgorithm", checksum.Algorithm) : null))));
    }

    /// <summary>
    /// Whether an upload comes at or before the markers: keys up to <c>key-marker</c> are skipped, and with
    /// <c>upload-id-marker</c> too only that key's uploads up to the marked one.
    /// </summary>
    private static bool IsAtOrBefore(StoredUpload upload, List<StoredUpload> all, string keyMarker, string uploadIdMarker)
    {
        if (keyMarker.Length == 0)
            return false;
        var byKey = Utf8KeyComparer.Instance.Compare(upload.Key, keyMarker);
        if (byKey != 0 || uploadIdMarker.Length == 0)
            return byKey <= 0;
        var marked = all.FindIndex(u => u.Key == keyMarker && u.UploadId == uploadIdMarker);
        return marked >= 0 && all.IndexOf(upload) <= marked;
    }

    private static int ReadMaxUploads(S3Call call)
    {
        var text = call.Query("max-uploads");
        if (text is null)
            return 1000;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, 1000)
            : throw S3ErrorException.InvalidArgument("Provided max-uploads not an integer or within integer range", "max-uploads", text);
    }
}
