using System.IO.Pipelines;
using System.Text;
using Chalice.Local.S3.Protocol;

namespace Chalice.Local.Tests.S3;

public sealed class AwsChunkedStreamTests
{
    // The shape AWSSDK.S3 4.x sends over HTTP (signed chunks, signed trailer), captured from a real request.
    private const string SignedWithTrailer =
        "5;chunk-signature=e5a1b91343c8a80aa67d7a7457d2b55586d3af2011443a4a567b56e01181f8e0\r\nhello\r\n" +
        "6;chunk-signature=0a1b91343c8a80aa67d7a7457d2b55586d3af2011443a4a567b56e01181f8e0\r\n world\r\n" +
        "0;chunk-signature=02ee05b885632dd2dfb1120fcf4ebb4c3b55b74700de57def189f138e152e3e8\r\n" +
        "x-amz-checksum-crc32:DUoRhQ==\r\n" +
        "x-amz-trailer-signature:d6cae7a0369b8286515145c39b65e9d2eb5b3208cc7a54e7a23ca0a4b1b62447\r\n\r\n";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Decodes_chunks_and_trailers_however_the_bytes_arrive(int bytesPerWrite)
    {
        var (payload, stream) = await DecodeAsync(SignedWithTrailer, bytesPerWrite);

        Assert.Equal("hello world", payload);
        Assert.Equal(11, stream.DecodedLength);
        Assert.Equal("DUoRhQ==", stream.Trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public async Task Decodes_unsigned_chunks_without_trailers()
    {
        var (payload, stream) = await DecodeAsync("b\r\nhello world\r\n0\r\n\r\n", 3);

        Assert.Equal("hello world", payload);
        Assert.Empty(stream.Trailers);
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n", "InvalidRequest")]
    [InlineData("3\r\nhello\r\n0\r\n\r\n", "InvalidRequest")]
    [InlineData("5\r\nhel", "IncompleteBody")]
    [InlineData("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n", "IncompleteBody")]
    [InlineData("0\r\nnot a trailer\r\n\r\n", "InvalidRequest")]
    public async Task Malformed_bodies_are_client_errors(string body, string code)
    {
        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, 4));
        Assert.Equal(code, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    private static async Task<(string Payload, AwsChunkedStream Stream)> DecodeAsync(string body, int bytesPerWrite)
    {
        var pipe = new Pipe();
        var bytes = Encoding.ASCII.GetBytes(body);
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += bytesPerWrite)
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(bytesPerWrite, bytes.Length - offset)));
            await pipe.Writer.CompleteAsync();
        });

        var stream = new AwsChunkedStream(pipe.Reader);
        using var decoded = new MemoryStream();
        var buffer = new byte[4];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
            decoded.Write(buffer, 0, read);
        await writing;
        return (Encoding.ASCII.GetString(decoded.ToArray()), stream);
    }
}
