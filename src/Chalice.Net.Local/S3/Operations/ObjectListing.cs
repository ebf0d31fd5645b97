using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>What a list request asks for, shared by ListObjects and ListObjectsV2.</summary>
/// <param name="Prefix">Only keys starting with this are listed.</param>
/// <param name="Delimiter">Keys containing this after the prefix are rolled up into common prefixes.</param>
/// <param name="StartAfter">Only items (keys or common prefixes) after this, in S3's order, are listed.</param>
/// <param name="MaxKeys">The most items (keys plus common prefixes) one page holds.</param>
internal sealed record ListingRequest(string Prefix, string? Delimiter, string? StartAfter, int MaxKeys);

/// <summary>One page of a listing.</summary>
/// <param name="Contents">The objects, in S3's order.</param>
/// <param name="CommonPrefixes">The rolled-up prefixes, in S3's order.</param>
/// <param name="IsTruncated">Whether items remain after this page.</param>
/// <param name="LastItem">The last key or common prefix on the page: where the next page starts after.</param>
internal sealed record ListingPage(IReadOnlyList<StoredObject> Contents, IReadOnlyList<string> CommonPrefixes, bool IsTruncated, string? LastItem)
{
    public int ItemCount => Contents.Count + CommonPrefixes.Count;
}

/// <summary>S3's listing rules over a bucket's objects: prefix, delimiter roll-up, start position and page size.</summary>
internal static class ObjectListing
{
    public static ListingPage List(IEnumerable<StoredObject> objects, ListingRequest request)
    {
        var contents = new List<StoredObject>();
        var prefixes = new List<string>();
        if (request.MaxKeys <= 0)
            return new ListingPage(contents, prefixes, false, null);

        string? lastItem = null;
        var sorted = objects.Where(o => o.Key.StartsWith(request.Prefix, StringComparison.Ordinal))
            .OrderBy(o => o.Key, Utf8KeyComparer.Instance);
        foreach (var stored in sorted)
        {
            var commonPrefix = CommonPrefixOf(stored.Key, request);
            var item = commonPrefix ?? stored.Key;
            // Keys sharing a common prefix are adjacent in sorted order, so one comparison skips the repeats.
            if (item == lastItem)
                continue;
            // Like moto, the start position is compared with whole items, so a common prefix sorting before it is skipped.
            if (request.StartAfter is not null && Utf8KeyComparer.Instance.Compare(item, request.StartAfter) <= 0)
                continue;
            if (contents.Count + prefixes.Count == request.MaxKeys)
                return new ListingPage(contents, prefixes, true, lastItem);
            if (commonPrefix is null)
                contents.Add(stored);
            else
                prefixes.Add(commonPrefix);
            lastItem = item;
        }
        return new ListingPage(contents, prefixes, false, lastItem);
    }

    private static string? CommonPrefixOf(string key, ListingRequest request)
    {
        if (string.IsNullOrEmpty(request.Delimiter))
            return null;
        var index = key.IndexOf(request.Delimiter, request.Prefix.Length, StringComparison.Ordinal);
        return index < 0 ? null : key[..(index + request.Delimiter.Length)];
    }
}
