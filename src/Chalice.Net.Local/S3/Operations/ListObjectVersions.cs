using System.Globalization;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>GET /bucket?versions</c>: every version and delete marker, by key (UTF-8 byte order) and newest first within a
/// key, paged with <c>key-marker</c>/<c>version-id-marker</c>
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html). <c>delimiter</c> is not supported and
/// is refused with 501 by the router's allow-list rather than ignored.
/// </summary>
internal static class ListObjectVersions
{
    private const int PageLimit = 1000;

    public static readonly string[] Parameters = ["versions", "prefix", "key-marker", "version-id-marker", "max-keys", "encoding-type"];

    public static async Task ExecuteAsync(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var prefix = call.Query("prefix") ?? "";
        var keyMarker = call.Query("key-marker") ?? "";
        var versionIdMarker = call.Query("version-id-marker") ?? "";
        var maxKeys = ReadMaxKeys(call);
        var encode = ListObjects.UrlEncoder(call);

        var all = call.Store.EnumerateVersions(call.Bucket)
            .Where(v => v.Version.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Version.Key, Utf8KeyComparer.Instance).ThenByDescending(v => v.IsLatest).ThenByDescending(v => v.Version.Sequence)
            .ToList();
        var start = StartIndex(all, keyMarker, versionIdMarker);
        var page = all.Skip(start).Take(Math.Min(maxKeys, PageLimit)).ToList();
        var truncated = start + page.Count < all.Count;

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("ListVersionsResult",
            S3Xml.Element("Name", call.Bucket),
            S3Xml.Element("Prefix", encode(prefix)),
            S3Xml.Element("KeyMarker", encode(keyMarker)),
            S3Xml.Element("VersionIdMarker", versionIdMarker),
            truncated ? S3Xml.Element("NextKeyMarker", encode(page[^1].Version.Key)) : null,
            truncated ? S3Xml.Element("NextVersionIdMarker", page[^1].Version.VersionIdText) : null,
            S3Xml.Element("MaxKeys", maxKeys),
            ListObjects.EncodingTypeElement(call),
            S3Xml.Element("IsTruncated", truncated ? "true" : "false"),
            page.Select(v => v.Version.IsDeleteMarker
                ? S3Xml.Element("DeleteMarker",
                    S3Xml.Element("Key", encode(v.Version.Key)),
                    S3Xml.Element("VersionId", v.Version.VersionIdText),
                    S3Xml.Element("IsLatest", v.IsLatest ? "true" : "false"),
                    S3Xml.Element("LastModified", S3Xml.Timestamp(v.Version.LastModified)),
                    LocalOwner.Element())
                : S3Xml.Element("Version",
                    S3Xml.Element("Key", encode(v.Version.Key)),
                    S3Xml.Element("VersionId", v.Version.VersionIdText),
                    S3Xml.Element("IsLatest", v.IsLatest ? "true" : "false"),
                    S3Xml.Element("LastModified", S3Xml.Timestamp(v.Version.LastModified)),
                    S3Xml.Element("ETag", v.Version.ETag),
                    S3Xml.Element("Size", v.Version.Size),
                    S3Xml.Element("StorageClass", "STANDARD"),
                    v.Version.Checksum is { } checksum ? S3Xml.Element("ChecksumAlgorithm", checksum.Algorithm) : null,
                    LocalOwner.Element()))));
    }

    /// <summary>
    /// Where the page starts: after every version of <c>key-marker</c>, or with <c>version-id-marker</c> too, after that
    /// version of that key.
    /// </summary>
    private static int StartIndex(List<(StoredObject Version, bool IsLatest)> all, string keyMarker, string versionIdMarker)
    {
        if (keyMarker.Length == 0)
            return 0;
        if (versionIdMarker.Length > 0)
        {
            var marked = all.FindIndex(v => v.Version.Key == keyMarker && v.Version.VersionIdText == versionIdMarker);
            if (marked >= 0)
                return marked + 1;
        }
        var after = all.FindIndex(v => Utf8KeyComparer.Instance.Compare(v.Version.Key, keyMarker) > 0);
        return after < 0 ? all.Count : after;
    }

    private static int ReadMaxKeys(S3Call call)
    {
        var text = call.Query("max-keys");
        if (text is null)
            return PageLimit;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw S3ErrorException.InvalidArgument("Provided max-keys not an integer or within integer range", "max-keys", text);
    }
}
