using Chalice.Local.S3.Protocol;

namespace Chalice.Local.Tests.S3;

public sealed class NamingRulesTests
{
    // moto 5.2.1 only checks a bucket name's length; AWS also refuses upper case, underscores, IP-like and reserved
    // names. The stand-in follows AWS (its bucket names become folder names, so the strict rule also keeps them
    // safe); the differential test compares only the length rule.
    [Theory]
    [InlineData("abc", true)]
    [InlineData("my-bucket.v2", true)]
    [InlineData("ab", false)]
    [InlineData("Upper-Case", false)]
    [InlineData("under_score", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing.", false)]
    [InlineData("double..dot", false)]
    [InlineData("192.168.5.4", false)]
    [InlineData("xn--punycode", false)]
    [InlineData("access-point-s3alias", false)]
    [InlineData("..", false)]
    [InlineData("../etc", false)]
    public void Bucket_names_follow_s3_rules(string name, bool valid)
    {
        Assert.Equal(valid, BucketName.IsValid(name));
        Assert.False(BucketName.IsValid(new string('a', 64)));
        Assert.True(BucketName.IsValid(new string('a', 63)));
    }

    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("/etc/passwd", "path separator")]
    [InlineData("\\windows", "path separator")]
    [InlineData("C:\\temp", "drive letter")]
    [InlineData("..", "'..'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("a\\..\\b", "'..'")]
    public void Keys_shaped_like_escaping_paths_are_refused(string key, string reason)
    {
        var error = Assert.Throws<S3ErrorException>(() => ObjectKey.Validate(key));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/./b")]
    [InlineData("...")]
    [InlineData("a..b/c")]
    [InlineData("dir/")]
    [InlineData("\U0001F600 emoji")]
    public void Ordinary_keys_with_dots_and_slashes_are_accepted(string key)
    {
        ObjectKey.Validate(key);
    }

    [Fact]
    public void Keys_longer_than_1024_utf8_bytes_are_refused()
    {
        ObjectKey.Validate(new string('a', 1024));
        Assert.Equal("KeyTooLongError", Assert.Throws<S3ErrorException>(() => ObjectKey.Validate(new string('é', 513))).Code);
    }
}
