using Chalice.Gateway;

namespace Chalice.Local.Tests;

/// <summary>The gateway resolves <c>.</c> and <c>..</c> path segments before routing (RFC 3986, section 5.2.4).</summary>
public sealed class DotSegmentTests
{
    [Theory]
    [InlineData("/a/../b", "/b")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/../../x", "/x")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/b/.", "/a/b/")]
    [InlineData("/a/%2e%2e/b", "/a/%2e%2e/b")]
    [InlineData("/a..b/.c", "/a..b/.c")]
    public void Remove_dot_segments_follows_rfc_3986(string raw, string expected) =>
        Assert.Equal(expected, ApiGatewaySimulator.RemoveDotSegments(raw));
}
