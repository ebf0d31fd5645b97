using Chalice.Local.S3.Protocol;

namespace Chalice.Local.Tests.S3;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-4", 11, 0, 4)]
    [InlineData("bytes=6-", 11, 6, 10)]
    [InlineData("bytes=-5", 11, 6, 10)]
    [InlineData("bytes=-50", 11, 0, 10)]
    [InlineData("bytes=8-100", 11, 8, 10)]
    [InlineData("bytes=10-10", 11, 10, 10)]
    public void Resolves_a_satisfiable_range(string header, long length, long first, long last)
    {
        Assert.Equal(new ByteRange(first, last), ByteRange.Resolve(header, length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bytes=0-1,3-4")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=a-b")]
    [InlineData("items=0-1")]
    [InlineData("bytes=-")]
    public void Selects_the_whole_object_when_s3_would_ignore_the_header(string? header)
    {
        Assert.Null(ByteRange.Resolve(header, 11));
    }

    [Theory]
    [InlineData("bytes=11-", 11)]
    [InlineData("bytes=-0", 11)]
    [InlineData("bytes=0-", 0)]
    public void Refuses_a_range_starting_past_the_end(string header, long length)
    {
        var error = Assert.Throws<S3ErrorException>(() => ByteRange.Resolve(header, length));
        Assert.Equal(416, error.StatusCode);
        Assert.Equal("InvalidRange", error.Code);
    }

    [Fact]
    public void Formats_content_range()
    {
        Assert.Equal("bytes 6-10/11", new ByteRange(6, 10).ToContentRange(11));
        Assert.Equal(5, new ByteRange(6, 10).Length);
    }
}
