using Chalice.Local.S3.Operations;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.Tests.S3;

public sealed class ObjectListingTests
{
    [Fact]
    public void Keys_sort_by_utf8_bytes_not_utf16_code_units()
    {
        // UTF-16 puts the emoji's surrogates (0xD83D…) before U+E000 and U+FFFD; UTF-8 (and S3) put it last.
        string[] keys = ["\U0001F600", "\uFFFD", "\uE000", "z", "é"];
        var sorted = keys.Order(Utf8KeyComparer.Instance).ToArray();

        Assert.Equal(["z", "é", "\uE000", "\uFFFD", "\U0001F600"], sorted);
        Assert.Equal(sorted, keys.OrderBy(k => System.Text.Encoding.UTF8.GetBytes(k), ByteArrayComparer.Instance));
    }

    [Fact]
    public void Pages_count_common_prefixes_as_items_and_resume_after_the_last_one()
    {
        var objects = new[] { "a/1", "a/2", "b", "c/1", "d" }.Select(Stored).ToList();

        var first = ObjectListing.List(objects, new ListingRequest("", "/", null, 2));
        var second = ObjectListing.List(objects, new ListingRequest("", "/", first.LastItem, 2));
        var third = ObjectListing.List(objects, new ListingRequest("", "/", second.LastItem, 2));

        Assert.Equal("a/ b truncated", Describe(first));
        Assert.Equal("c/ d complete", Describe(second));
        Assert.Equal(0, third.ItemCount);
    }

    [Fact]
    public void A_page_that_ends_exactly_at_the_last_item_is_not_truncated()
    {
        var page = ObjectListing.List(new[] { "x", "y" }.Select(Stored), new ListingRequest("", null, null, 2));

        Assert.False(page.IsTruncated);
        Assert.Equal("y", page.LastItem);
    }

    private static string Describe(ListingPage page) =>
        string.Join(" ", page.CommonPrefixes.Concat(page.Contents.Select(o => o.Key)).Append(page.IsTruncated ? "truncated" : "complete"));

    private static StoredObject Stored(string key) =>
        new(key, 0, "\"d41d8cd98f00b204e9800998ecf8427e\"", DateTimeOffset.UnixEpoch, null,
            new ObjectProperties(ObjectProperties.DefaultContentType, null, null, null, null, null, new Dictionary<string, string>()));

    private sealed class ByteArrayComparer : IComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
