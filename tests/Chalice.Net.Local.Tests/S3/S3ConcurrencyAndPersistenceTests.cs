using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Chalice.Local.Tests.S3;

/// <summary>Concurrent writers never leave a torn or mixed object, and the data folder survives a restart.</summary>
public sealed class S3ConcurrencyAndPersistenceTests
{
    private const string Bucket = "concurrency-bucket";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Write(string Key, int Writer, byte[] Body)
    {
        public string ETag => '"' + Convert.ToHexStringLower(MD5.HashData(Body)) + '"';
    }

    [Fact]
    public async Task Fifty_distinct_and_fifty_same_key_puts_in_parallel_each_publish_one_whole_write_that_survives_a_restart()
    {
        await using var session = await S3StandInSession.StartAsync();
        // Bodies of different sizes spanning several chunks and buffers, so an interleaving would show.
        var distinct = Enumerable.Range(0, 50).Select(i => new Write($"distinct/{i:D2}", i, Bytes(i, 40_000 + i * 3_001))).ToList();
        var shared = Enumerable.Range(50, 50).Select(i => new Write("shared", i, Bytes(i, 40_000 + i * 3_001))).ToList();

        using (var s3 = S3TestClients.For(session.Endpoint))
        {
            await s3.PutBucketAsync(Bucket, Ct);
            await Task.WhenAll(distinct.Concat(shared).Select(w => s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket,
                Key = w.Key,
                InputStream = new MemoryStream(w.Body),
                Metadata = { ["writer"] = w.Writer.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, Ct)));

            await AssertDistinctObjectsAsync(s3, distinct);
            var winner = await AssertSharedObjectIsOneWholeWriteAsync(s3, shared);

            await session.RestartAsync();
            using var afterRestart = S3TestClients.For(session.Endpoint);
            await AssertDistinctObjectsAsync(afterRestart, distinct);
            Assert.Equal(winner, await AssertSharedObjectIsOneWholeWriteAsync(afterRestart, shared));
            var listing = await afterRestart.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Ct);
            Assert.Equal(51, listing.KeyCount);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(session.DataDirectory, ".staging")));
    }

    private static async Task AssertDistinctObjectsAsync(IAmazonS3 s3, IReadOnlyList<Write> writes)
    {
        foreach (var write in writes)
        {
            var (writer, body, etag) = await ReadAsync(s3, write.Key);
            Assert.Equal(write.Writer, writer);
            Assert.Equal(write.ETag, etag);
            Assert.True(write.Body.AsSpan().SequenceEqual(body), $"{write.Key} does not hold what was written");
        }
    }

    /// <summary>The shared key must hold exactly one writer's body, with that writer's ETag and metadata.</summary>
    private static async Task<int> AssertSharedObjectIsOneWholeWriteAsync(IAmazonS3 s3, IReadOnlyList<Write> writes)
    {
        var (writer, body, etag) = await ReadAsync(s3, "shared");
        var write = Assert.Single(writes, w => w.Writer == writer);
        Assert.Equal(write.ETag, etag);
        Assert.True(write.Body.AsSpan().SequenceEqual(body), $"the shared key mixes writer {writer}'s metadata with another body");
        return writer;
    }

    private static async Task<(int Writer, byte[] Body, string ETag)> ReadAsync(IAmazonS3 s3, string key)
    {
        using var response = await s3.GetObjectAsync(Bucket, key, Ct);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body, Ct);
        return (int.Parse(response.Metadata["writer"], System.Globalization.CultureInfo.InvariantCulture), body.ToArray(), response.ETag);
    }

    private static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
