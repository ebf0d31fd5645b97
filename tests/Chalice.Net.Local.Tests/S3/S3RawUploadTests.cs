using System.Security.Cryptography;
using System.Text;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// Upload encodings the SDK does not send to a plain-HTTP endpoint (unsigned aws-chunked with trailers is its HTTPS
/// form), checksums it cannot compute without the CRT, and bodies that contradict their integrity headers.
/// Not differential: moto 5.2.1 stores whatever checksum a client claims without verifying it (a TODO in its
/// source), while AWS verifies it and answers BadDigest. The stand-in follows AWS.
/// </summary>
public sealed class S3RawUploadTests : IAsyncLifetime
{
    private S3StandInSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await S3StandInSession.StartAsync("raw-bucket");

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    [Theory]
    [InlineData("crc32", "CBF43926")]
    [InlineData("crc32c", "E3069283")]
    [InlineData("crc64nvme", "AE8B14860A799888")]
    [InlineData("sha1", "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    [InlineData("sha256", "15E2B0D3C33891EBB0F1EF609EC419420C20E320CE94C65FBC8C3312448EB225")]
    public async Task An_unsigned_streaming_upload_with_a_trailing_checksum_is_stored_and_its_checksum_returned(string algorithm, string checkValueHex)
    {
        var checksum = Convert.ToBase64String(Convert.FromHexString(checkValueHex));
        var put = await PutChunkedAsync("/raw-bucket/trailer", algorithm, checksum, "4\r\n1234\r\n5\r\n56789\r\n0\r\n");
        var get = await RawHttp.SendAsync(_session.Endpoint, "GET", "/raw-bucket/trailer", [("x-amz-checksum-mode", "ENABLED")]);

        Assert.Equal(200, put.StatusCode);
        Assert.Equal(checksum, put.Header($"x-amz-checksum-{algorithm}"));
        Assert.Equal("123456789", get.Body);
        Assert.Equal(checksum, get.Header($"x-amz-checksum-{algorithm}"));
        Assert.Equal("FULL_OBJECT", put.Header("x-amz-checksum-type"));
        Assert.Equal("FULL_OBJECT", get.Header("x-amz-checksum-type"));
        Assert.Equal('"' + Convert.ToHexStringLower(MD5.HashData("123456789"u8)) + '"', get.Header("ETag"));
    }

    [Fact]
    public async Task A_trailing_checksum_that_does_not_match_is_bad_digest_and_nothing_is_stored()
    {
        var wrong = Convert.ToBase64String(Convert.FromHexString("00000000"));
        var put = await PutChunkedAsync("/raw-bucket/corrupt", "crc32", wrong, "9\r\n123456789\r\n0\r\n");
        var head = await RawHttp.SendAsync(_session.Endpoint, "HEAD", "/raw-bucket/corrupt");

        Assert.Equal(400, put.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", put.Body, StringComparison.Ordinal);
        Assert.Equal(404, head.StatusCode);
    }

    [Fact]
    public async Task A_decoded_length_that_does_not_match_the_chunks_is_refused()
    {
        var put = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/short",
        [
            ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Content-Encoding", "aws-chunked"),
            ("x-amz-decoded-content-length", "12"),
        ], Encoding.ASCII.GetBytes("9\r\n123456789\r\n0\r\n\r\n"));

        Assert.Equal(400, put.StatusCode);
        Assert.Contains("<Code>IncompleteBody</Code>", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_short_inside_a_chunk_is_refused()
    {
        var put = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/cut",
        [
            ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Content-Encoding", "aws-chunked"),
        ], Encoding.ASCII.GetBytes("9\r\n1234"));

        Assert.Equal(400, put.StatusCode);
        Assert.Contains("<Code>IncompleteBody</Code>", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_md5_is_verified()
    {
        var body = Encoding.ASCII.GetBytes("payload");
        var good = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/md5", [("Content-MD5", Convert.ToBase64String(MD5.HashData(body)))], body);
        var bad = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/md5", [("Content-MD5", Convert.ToBase64String(MD5.HashData("other"u8)))], body);
        var invalid = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/md5", [("Content-MD5", "not-base64")], body);

        Assert.Equal(200, good.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", bad.Body, StringComparison.Ordinal);
        Assert.Contains("<Code>InvalidDigest</Code>", invalid.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_upload_with_a_wrong_checksum_header_is_bad_digest()
    {
        var put = await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/header",
            [("x-amz-sdk-checksum-algorithm", "CRC32"), ("x-amz-checksum-crc32", "AAAAAA==")], Encoding.ASCII.GetBytes("hello world"));

        Assert.Equal(400, put.StatusCode);
        Assert.Contains("The CRC32 you specified did not match the calculated checksum.", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aws_chunked_is_not_stored_as_the_objects_content_encoding()
    {
        await RawHttp.SendAsync(_session.Endpoint, "PUT", "/raw-bucket/gzip",
        [
            ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Content-Encoding", "aws-chunked,gzip"),
        ], Encoding.ASCII.GetBytes("2\r\nhi\r\n0\r\n\r\n"));
        var head = await RawHttp.SendAsync(_session.Endpoint, "HEAD", "/raw-bucket/gzip");

        Assert.Equal("gzip", head.Header("Content-Encoding"));
    }

    private Task<RawResponse> PutChunkedAsync(string target, string algorithm, string checksum, string chunks) =>
        RawHttp.SendAsync(_session.Endpoint, "PUT", target,
        [
            ("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Content-Encoding", "aws-chunked"),
            ("x-amz-decoded-content-length", "9"),
            ("x-amz-trailer", $"x-amz-checksum-{algorithm}"),
        ], Encoding.ASCII.GetBytes($"{chunks}x-amz-checksum-{algorithm}:{checksum}\r\n\r\n"));
}
