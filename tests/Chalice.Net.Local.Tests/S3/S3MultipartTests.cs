using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// Multipart behaviour the moto comparison cannot show: where moto 5.2.1 differs from AWS's documentation (the stand-in
/// follows the documentation), the ETag rule computed independently, and uploads in progress surviving a restart.
/// </summary>
public sealed class S3MultipartTests
{
    private const string Bucket = "multipart-bucket";
    private const int MiB = 1024 * 1024;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploading_a_part_to_aborting_or_completing_an_unknown_upload_is_NoSuchUpload()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html, API_AbortMultipartUpload.html and
        // API_CompleteMultipartUpload.html list NoSuchUpload (404); moto 5.2.1 answers 500 to all three.
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        var upload = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = "k", UploadId = "bogus", PartNumber = 1, InputStream = new MemoryStream([1]),
        }, Ct));
        Assert.Equal(("NoSuchUpload", 404), (upload.ErrorCode, (int)upload.StatusCode));
        var abort = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.AbortMultipartUploadAsync(Bucket, "k", "bogus", Ct));
        Assert.Equal(("NoSuchUpload", 404), (abort.ErrorCode, (int)abort.StatusCode));
        var complete = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", UploadId = "bogus", PartETags = [new PartETag(1, "\"0123456789abcdef0123456789abcdef\"")],
        }, Ct));
        Assert.Equal(("NoSuchUpload", 404), (complete.ErrorCode, (int)complete.StatusCode));

        // An id that would climb out of the uploads folder is only an unknown id.
        var escape = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListPartsAsync(Bucket, "k", "../../" + Bucket, Ct));
        Assert.Equal("NoSuchUpload", escape.ErrorCode);

        // An upload id is valid only with the key it was created for.
        var uploadId = (await s3.InitiateMultipartUploadAsync(Bucket, "k", Ct)).UploadId;
        var otherKey = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListPartsAsync(Bucket, "other", uploadId, Ct));
        Assert.Equal("NoSuchUpload", otherKey.ErrorCode);
    }

    [Fact]
    public async Task Parts_listed_out_of_order_are_InvalidPartOrder()
    {
        // "InvalidPartOrder: The list of parts was not in ascending order. The parts list must be specified in order by
        // part number." (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html). moto 5.2.1
        // never raises it (its order check compares each part with 0) and joins the parts in the order given.
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        var uploadId = (await s3.InitiateMultipartUploadAsync(Bucket, "k", Ct)).UploadId;
        var one = await UploadPartAsync(s3, "k", uploadId, 1, Bytes(1, 5 * MiB));
        var two = await UploadPartAsync(s3, "k", uploadId, 2, Bytes(2, 10));

        // The SDK sorts the parts before sending them, so the out-of-order lists go over raw HTTP.
        foreach (var order in new[] { new[] { 2, 1 }, [1, 1] })
        {
            var parts = string.Concat(order.Select(n => $"<Part><PartNumber>{n}</PartNumber><ETag>{(n == 1 ? one : two)}</ETag></Part>"));
            var response = await RawHttp.SendAsync(session.Endpoint, "POST", $"/{Bucket}/k?uploadId={uploadId}",
                body: Encoding.UTF8.GetBytes($"<CompleteMultipartUpload>{parts}</CompleteMultipartUpload>"));
            Assert.Equal(400, response.StatusCode);
            Assert.Contains("<Code>InvalidPartOrder</Code>", response.Body, StringComparison.Ordinal);
        }
        Assert.Single((await s3.ListMultipartUploadsAsync(Bucket, Ct)).MultipartUploads); // still in progress
    }

    [Fact]
    public async Task With_a_checksum_algorithm_the_parts_must_be_numbered_from_one_without_gaps()
    {
        // "In CompleteMultipartUpload, when a additional checksum ... is applied to each part, the PartNumber must start
        // at 1 and the part numbers must be consecutive. Otherwise, Amazon S3 generates an HTTP 400 Bad Request status
        // code and an InvalidPartOrder error code." (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompletedPart.html)
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        foreach (var (algorithm, numbers, completes) in new[]
        {
            (ChecksumAlgorithm.CRC32, new[] { 1, 3 }, false),
            (ChecksumAlgorithm.CRC32, [2], false),
            (ChecksumAlgorithm.CRC32, [1, 2], true),
            (null, [1, 3], true),
        })
        {
            var uploadId = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = "k", ChecksumAlgorithm = algorithm }, Ct)).UploadId;
            var parts = new List<PartETag>();
            foreach (var number in numbers)
            {
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket, Key = "k", UploadId = uploadId, PartNumber = number, ChecksumAlgorithm = algorithm,
                    InputStream = new MemoryStream(Bytes(number, number == numbers[^1] ? 10 : 5 * MiB)),
                }, Ct);
                parts.Add(new PartETag(part));
            }
            var complete = () => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = Bucket, Key = "k", UploadId = uploadId, PartETags = parts }, Ct);
            if (completes)
            {
                await complete();
            }
            else
            {
                var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(complete);
                Assert.Equal(("InvalidPartOrder", 400), (error.ErrorCode, (int)error.StatusCode));
            }
        }
    }

    [Fact]
    public async Task The_etag_is_the_md5_of_the_part_md5s_and_the_part_count_and_the_body_is_the_parts_in_order()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html: a multipart
        // object's ETag is not the MD5 of its data but of the concatenated part MD5s, followed by "-" and the count.
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        byte[][] bodies = [Bytes(1, 5 * MiB), Bytes(2, 5 * MiB + 1), Bytes(3, 7)];
        var uploadId = (await s3.InitiateMultipartUploadAsync(Bucket, "k", Ct)).UploadId;
        var etags = new List<PartETag>();
        for (var i = 0; i < bodies.Length; i++)
            etags.Add(new PartETag(i + 1, await UploadPartAsync(s3, "k", uploadId, i + 1, bodies[i])));

        var completed = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", UploadId = uploadId, PartETags = etags,
        }, Ct);

        var expected = '"' + Convert.ToHexStringLower(MD5.HashData(bodies.SelectMany(MD5.HashData).ToArray())) + "-3\"";
        Assert.Equal(expected, completed.ETag);
        using var get = await s3.GetObjectAsync(Bucket, "k", Ct);
        using var body = new MemoryStream();
        await get.ResponseStream.CopyToAsync(body, Ct);
        Assert.Equal(bodies.SelectMany(b => b).ToArray(), body.ToArray());
        Assert.Equal(expected, get.ETag);
    }

    [Fact]
    public async Task The_completion_reports_the_composite_checksum_it_stores()
    {
        // CompleteMultipartUploadResult carries ChecksumCRC32 and ChecksumType
        // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html); moto 5.2.1 leaves them out.
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        var uploadId = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        }, Ct)).UploadId;
        var part = await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = "k", UploadId = uploadId, PartNumber = 1, InputStream = new MemoryStream(Encoding.ASCII.GetBytes("hello")),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        }, Ct);
        var completed = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", UploadId = uploadId, PartETags = [new PartETag(part)],
        }, Ct);

        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = "k", ChecksumMode = ChecksumMode.ENABLED }, Ct);
        Assert.NotNull(completed.ChecksumCRC32);
        Assert.Equal(head.ChecksumCRC32, completed.ChecksumCRC32);
        Assert.NotEqual(part.ChecksumCRC32, completed.ChecksumCRC32); // a checksum of the part's checksum, not of the data
        Assert.Equal(ChecksumType.COMPOSITE, completed.ChecksumType);
    }

    [Fact]
    public async Task An_upload_in_progress_survives_a_restart_and_completes_after_it()
    {
        await using var session = await S3StandInSession.StartAsync(Bucket);
        var first = Bytes(1, 5 * MiB);
        string uploadId;
        string etag1;
        using (var s3 = S3TestClients.For(session.Endpoint))
        {
            uploadId = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = Bucket, Key = "k", ContentType = "text/csv", Metadata = { ["origin"] = "before" },
            }, Ct)).UploadId;
            etag1 = await UploadPartAsync(s3, "k", uploadId, 1, first);
            var abandoned = (await s3.InitiateMultipartUploadAsync(Bucket, "abandoned", Ct)).UploadId;
            Assert.NotEqual(uploadId, abandoned);
        }

        await session.RestartAsync();
        using var after = S3TestClients.For(session.Endpoint);
        var uploads = await after.ListMultipartUploadsAsync(Bucket, Ct);
        Assert.Equal(["abandoned", "k"], uploads.MultipartUploads.Select(u => u.Key));
        var parts = await after.ListPartsAsync(Bucket, "k", uploadId, Ct);
        Assert.Equal((1, 5 * MiB, etag1), (parts.Parts[0].PartNumber!.Value, parts.Parts[0].Size!.Value, parts.Parts[0].ETag));
        var etag2 = await UploadPartAsync(after, "k", uploadId, 2, Bytes(2, 3));
        await after.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", UploadId = uploadId, PartETags = [new PartETag(1, etag1), new PartETag(2, etag2)],
        }, Ct);

        var head = await after.GetObjectMetadataAsync(Bucket, "k", Ct);
        Assert.Equal((5 * MiB + 3L, "text/csv", "before"), (head.ContentLength, head.Headers.ContentType, head.Metadata["origin"]));
        Assert.Equal(["abandoned"], (await after.ListMultipartUploadsAsync(Bucket, Ct)).MultipartUploads.Select(u => u.Key));
    }

    [Fact]
    public async Task Listing_uploads_pages_by_key_and_upload_id_markers_and_filters_by_prefix()
    {
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        var ids = new List<(string Key, string Id)>();
        foreach (var key in new[] { "b", "a/1", "a/2", "b" })
            ids.Add((key, (await s3.InitiateMultipartUploadAsync(Bucket, key, Ct)).UploadId));

        var seen = new List<string>();
        var request = new ListMultipartUploadsRequest { BucketName = Bucket, MaxUploads = 1 };
        for (var page = 0; page < 10; page++)
        {
            var response = await s3.ListMultipartUploadsAsync(request, Ct);
            seen.AddRange(response.MultipartUploads.Select(u => u.Key));
            if (response.IsTruncated != true)
                break;
            (request.KeyMarker, request.UploadIdMarker) = (response.NextKeyMarker, response.NextUploadIdMarker);
        }
        Assert.Equal(["a/1", "a/2", "b", "b"], seen);
        var prefixed = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = "a/" }, Ct);
        Assert.Equal(["a/1", "a/2"], prefixed.MultipartUploads.Select(u => u.Key));
    }

    [Fact]
    public async Task Listing_parts_pages_by_part_number_marker_until_none_remain()
    {
        // IsTruncated: "Indicates whether the returned list of parts is truncated. A true value indicates that the list
        // was truncated." (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html)
        await using var session = await S3StandInSession.StartAsync(Bucket);
        using var s3 = S3TestClients.For(session.Endpoint);
        var uploadId = (await s3.InitiateMultipartUploadAsync(Bucket, "k", Ct)).UploadId;
        foreach (var number in new[] { 1, 2, 3, 5, 8 })
            await UploadPartAsync(s3, "k", uploadId, number, Bytes(number, 10));

        var pages = new List<string>();
        var marker = 0;
        for (var page = 0; page < 10; page++)
        {
            var parts = await s3.ListPartsAsync(new ListPartsRequest
            {
                BucketName = Bucket, Key = "k", UploadId = uploadId, MaxParts = 2, PartNumberMarker = marker.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, Ct);
            pages.Add($"{string.Join(",", parts.Parts.Select(p => p.PartNumber))} truncated={parts.IsTruncated}");
            if (parts.IsTruncated != true)
                break;
            marker = parts.NextPartNumberMarker!.Value;
        }
        Assert.Equal(["1,2 truncated=True", "3,5 truncated=True", "8 truncated=False"], pages);
    }

    private static async Task<string> UploadPartAsync(IAmazonS3 s3, string key, string uploadId, int number, byte[] body) =>
        (await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = key, UploadId = uploadId, PartNumber = number, InputStream = new MemoryStream(body),
        }, Ct)).ETag;

    private static byte[] Bytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
