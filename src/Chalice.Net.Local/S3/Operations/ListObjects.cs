using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary><c>GET /bucket?list-type=2</c> (ListObjectsV2) and <c>GET /bucket</c> (the original ListObjects).</summary>
internal static class ListObjects
{
    // S3 never returns more than this many items in one page, whatever max-keys asks for.
    private const int PageLimit = 1000;

    public static readonly string[] V2Parameters =
        ["list-type", "prefix", "delimiter", "continuation-token", "start-after", "max-keys", "encoding-type", "fetch-owner"];

    public static readonly string[] V1Parameters = ["prefix", "delimiter", "marker", "max-keys", "encoding-type"];

    public static async Task ExecuteV2Async(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var continuationToken = call.Query("continuation-token");
        var startAfter = call.Query("start-after");
        var maxKeys = ReadMaxKeys(call);
        var request = new ListingRequest(call.Query("prefix") ?? "", NullIfEmpty(call.Query("delimiter")),
            continuationToken is null ? NullIfEmpty(startAfter) : DecodeContinuationToken(continuationToken),
            Math.Min(maxKeys, PageLimit));
        var page = ObjectListing.List(call.Store.EnumerateObjects(call.Bucket), request);
        var encode = UrlEncoder(call);
        var fetchOwner = string.Equals(call.Query("fetch-owner"), "true", StringComparison.OrdinalIgnoreCase);

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("ListBucketResult",
            S3Xml.Element("Name", call.Bucket),
            S3Xml.Element("Prefix", encode(request.Prefix)),
            request.Delimiter is null ? null : S3Xml.Element("Delimiter", encode(request.Delimiter)),
            S3Xml.Element("MaxKeys", maxKeys),
            EncodingTypeElement(call),
            S3Xml.Element("KeyCount", page.ItemCount),
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            continuationToken is null ? null : S3Xml.Element("ContinuationToken", continuationToken),
            page.IsTruncated ? S3Xml.Element("NextContinuationToken", EncodeContinuationToken(page.LastItem!)) : null,
            startAfter is null ? null : S3Xml.Element("StartAfter", encode(startAfter)),
            page.Contents.Select(o => ContentsElement(o, encode, fetchOwner)),
            CommonPrefixElements(page, encode)));
    }

    public static async Task ExecuteV1Async(S3Call call)
    {
        call.RequireBucket(call.Bucket);
        var marker = call.Query("marker");
        var maxKeys = ReadMaxKeys(call);
        var request = new ListingRequest(call.Query("prefix") ?? "", NullIfEmpty(call.Query("delimiter")), NullIfEmpty(marker),
            Math.Min(maxKeys, PageLimit));
        var page = ObjectListing.List(call.Store.EnumerateObjects(call.Bucket), request);
        var encode = UrlEncoder(call);

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("ListBucketResult",
            S3Xml.Element("Name", call.Bucket),
            S3Xml.Element("Prefix", encode(request.Prefix)),
            S3Xml.Element("Marker", encode(marker ?? "")),
            // S3 sends NextMarker only with a delimiter; without one, clients continue from the last key.
            page.IsTruncated && request.Delimiter is not null ? S3Xml.Element("NextMarker", encode(page.LastItem!)) : null,
            S3Xml.Element("MaxKeys", maxKeys),
            request.Delimiter is null ? null : S3Xml.Element("Delimiter", encode(request.Delimiter)),
            EncodingTypeElement(call),
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            page.Contents.Select(o => ContentsElement(o, encode, fetchOwner: true)),
            CommonPrefixElements(page, encode)));
    }

    private static XElement ContentsElement(StoredObject stored, Func<string, string> encode, bool fetchOwner) =>
        S3Xml.Element("Contents",
            S3Xml.Element("Key", encode(stored.Key)),
            S3Xml.Element("LastModified", S3Xml.Timestamp(stored.LastModified)),
            S3Xml.Element("ETag", stored.ETag),
            stored.Checksum is { } checksum ? S3Xml.Element("ChecksumAlgorithm", checksum.Algorithm) : null,
            stored.Checksum is null ? null : S3Xml.Element("ChecksumType", stored.Checksum.Type),
            S3Xml.Element("Size", stored.Size),
            S3Xml.Element("StorageClass", "STANDARD"),
            fetchOwner ? LocalOwner.Element() : null);

    private static IEnumerable<XElement> CommonPrefixElements(ListingPage page, Func<string, string> encode) =>
        page.CommonPrefixes.Select(p => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", encode(p))));

    internal static XElement? EncodingTypeElement(S3Call call) =>
        call.Query("encoding-type") is { Length: > 0 } type ? S3Xml.Element("EncodingType", type) : null;

    private static int ReadMaxKeys(S3Call call)
    {
        var text = call.Query("max-keys");
        if (text is null)
            return PageLimit;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var maxKeys))
            throw S3ErrorException.InvalidArgument("Provided max-keys not an integer or within integer range", "max-keys", text);
        return maxKeys;
    }

    /// <summary>With <c>encoding-type=url</c>, S3 percent-encodes keys and prefixes in the response (slashes kept).</summary>
    internal static Func<string, string> UrlEncoder(S3Call call)
    {
        var encodingType = call.Query("encoding-type");
        if (encodingType is null)
            return static value => value;
        if (!encodingType.Equals("url", StringComparison.OrdinalIgnoreCase))
            throw S3ErrorException.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        return static value => Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);
    }

    // The token is the last item of the previous page, so it stays valid across restarts of the stand-in.
    private static string EncodeContinuationToken(string lastItem) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastItem));

    private static string DecodeContinuationToken(string token)
    {
        try
        {
            return token.Length == 0 ? throw S3ErrorException.InvalidContinuationToken() : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw S3ErrorException.InvalidContinuationToken();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
