using System.Globalization;
using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// The steps of a multipart upload before its completion (<see cref="CompleteMultipartUpload"/>):
/// <c>POST ?uploads</c> (CreateMultipartUpload), <c>PUT ?partNumber&amp;uploadId</c> (UploadPart, or UploadPartCopy
/// with <c>x-amz-copy-source</c>), <c>GET ?uploadId</c> (ListParts) and <c>DELETE ?uploadId</c> (AbortMultipartUpload)
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html).
/// </summary>
internal static class MultipartUpload
{
    public const int MaxPartNumber = 10_000;

    public static readonly string[] CreateParameters = ["uploads"];
    public static readonly string[] UploadPartParameters = ["partNumber", "uploadId"];
    public static readonly string[] ListPartsParameters = ["uploadId", "max-parts", "part-number-marker"];
    public static readonly string[] AbortParameters = ["uploadId"];

    public static async Task CreateAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        var checksum = RequestedChecksum(call);
        var upload = call.Store.Uploads.TryCreate(call.Bucket, key, ObjectHeaders.ReadProperties(call.Request), checksum)
            ?? throw S3ErrorException.NoSuchBucket(call.Bucket);
        if (checksum is not null)
            call.Response.Headers["x-amz-checksum-algorithm"] = checksum.Algorithm;
        // The type is echoed when the request named it, as moto does; AWS's documentation does not say whether a
        // defaulted type is returned, and the completion reports the type either way.
        if (call.Header("x-amz-checksum-type") is { } type)
            call.Response.Headers["x-amz-checksum-type"] = type.ToUpperInvariant();
        await S3Xml.WriteAsync(call.Response, S3Xml.Element("InitiateMultipartUploadResult",
            S3Xml.Element("Bucket", call.Bucket),
            S3Xml.Element("Key", key),
            S3Xml.Element("UploadId", upload.UploadId)));
    }

    public static async Task UploadPartAsync(S3Call call)
    {
        var (upload, partNumber) = RequireUploadAndPart(call);
        PutObject.AllowAnyBodySize(call.Http);

        var integrity = UploadIntegrity.From(call);
        await using var staged = call.Store.Stage(integrity.Algorithm);
        var trailers = await PutObject.ReceiveBodyAsync(call, staged);
        var (etag, checksum) = staged.FinishBody();
        integrity.Verify(etag, checksum, trailers);

        await CommitPartAsync(call, upload, partNumber, staged, etag, checksum);
        call.Response.Headers.ETag = etag;
        ChecksumHeaders.WritePartValue(call.Response, checksum);
        call.Response.ContentLength = 0;
    }

    /// <summary>UploadPartCopy: a part copied from an object, whole or the <c>x-amz-copy-source-range</c> asked for.</summary>
    public static async Task UploadPartCopyAsync(S3Call call)
    {
        var (upload, partNumber) = RequireUploadAndPart(call);
        await using var source = CopyObject.OpenSource(call, CopyObject.ParseCopySource(call.Header("x-amz-copy-source")!));
        var (offset, length) = CopySourceRange(call.Header("x-amz-copy-source-range"), source.Metadata.Size);

        await using var staged = call.Store.Stage(checksumAlgorithm: null);
        await source.CopyBodyAsync(chunk => staged.AppendAsync(chunk, call.Aborted), offset, length, call.Aborted);
        var (etag, checksum) = staged.FinishBody();
        var part = await CommitPartAsync(call, upload, partNumber, staged, etag, checksum);
        await S3Xml.WriteAsync(call.Response, S3Xml.Element("CopyPartResult",
            S3Xml.Element("ETag", etag),
            S3Xml.Element("LastModified", S3Xml.Timestamp(part.LastModified))));
    }

    public static async Task ListPartsAsync(S3Call call)
    {
        var upload = RequireUpload(call);
        var marker = ReadInteger(call, "part-number-marker", 0);
        var maxParts = Math.Min(ReadInteger(call, "max-parts", 1000), 1000);
        var remaining = call.Store.Uploads.ListParts(call.Bucket, upload.UploadId).Where(p => p.PartNumber > marker).ToList();
        var page = remaining.Take(maxParts).ToList();
        var truncated = remaining.Count > page.Count;

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("ListPartsResult",
            S3Xml.Element("Bucket", call.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("UploadId", upload.UploadId),
            S3Xml.Element("PartNumberMarker", marker),
            S3Xml.Element("NextPartNumberMarker", page.Count > 0 ? page[^1].PartNumber : 0),
            S3Xml.Element("MaxParts", maxParts),
            S3Xml.Element("IsTruncated", truncated ? "true" : "false"),
            page.Select(p => S3Xml.Element("Part",
                S3Xml.Element("PartNumber", p.PartNumber),
                S3Xml.Element("LastModified", S3Xml.Timestamp(p.LastModified)),
                S3Xml.Element("ETag", p.ETag),
                S3Xml.Element("Size", p.Size),
                ChecksumHeaders.Element(p.Checksum))),
            S3Xml.Element("Initiator", S3Xml.Element("ID", LocalOwner.Id), S3Xml.Element("DisplayName", LocalOwner.DisplayName)),
            LocalOwner.Element(),
            S3Xml.Element("StorageClass", "STANDARD"),
            upload.Checksum is { } checksum ? S3Xml.Element("ChecksumAlgorithm", checksum.Algorithm) : null,
            upload.Checksum is { } type ? S3Xml.Element("ChecksumType", type.Type) : null));
    }

    public static Task AbortAsync(S3Call call)
    {
        var upload = RequireUpload(call);
        call.Store.Uploads.Remove(call.Bucket, upload.UploadId);
        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>The upload the request's <c>uploadId</c> names, which must be for the request's key.</summary>
    public static StoredUpload RequireUpload(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        var uploadId = call.Query("uploadId") ?? "";
        var upload = call.Store.Uploads.Find(call.Bucket, uploadId);
        // An id is only valid with the key it was created for.
        return upload is not null && upload.Key == key ? upload : throw S3ErrorException.NoSuchUpload(uploadId);
    }

    private static (StoredUpload Upload, int PartNumber) RequireUploadAndPart(S3Call call)
    {
        var text = call.Query("partNumber") ?? "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > MaxPartNumber)
            throw S3ErrorException.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", text);
        return (RequireUpload(call), partNumber);
    }

    private static async Task<StoredPart> CommitPartAsync(S3Call call, StoredUpload upload, int partNumber, StagedObject staged,
        string etag, ObjectChecksum? checksum)
    {
        var part = new StoredObject(upload.Key, staged.Size, etag, FileObjectStore.Now(), checksum, upload.Properties);
        if (!await call.Store.Uploads.TryCommitPartAsync(call.Bucket, upload, partNumber, staged, part, call.Aborted))
            throw S3ErrorException.NoSuchUpload(upload.UploadId); // completed or aborted meanwhile
        return new StoredPart(partNumber, part.Size, etag, part.LastModified, checksum);
    }

    /// <summary>
    /// The checksum CreateMultipartUpload asks the completed object to carry: <c>x-amz-checksum-algorithm</c>, with
    /// <c>x-amz-checksum-type</c> or its default, full-object for CRC64NVME and composite for the others
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html#ChecksumTypes).
    /// </summary>
    private static UploadChecksum? RequestedChecksum(S3Call call)
    {
        var name = call.Header("x-amz-checksum-algorithm");
        var type = call.Header("x-amz-checksum-type")?.ToUpperInvariant();
        if (name is null)
        {
            return type is null ? null
                : throw S3ErrorException.InvalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        var algorithm = ChecksumAlgorithm.FromName(name)
            ?? throw S3ErrorException.InvalidRequest("Value for x-amz-checksum-algorithm header is invalid.");
        type ??= algorithm == ChecksumAlgorithm.Crc64Nvme ? ObjectChecksum.FullObject : ObjectChecksum.Composite;
        var supported = type switch
        {
            ObjectChecksum.FullObject => algorithm != ChecksumAlgorithm.Sha1 && algorithm != ChecksumAlgorithm.Sha256,
            ObjectChecksum.Composite => algorithm != ChecksumAlgorithm.Crc64Nvme,
            _ => false,
        };
        return supported
            ? new UploadChecksum(algorithm.Name, type)
            : throw S3ErrorException.InvalidRequest($"The {algorithm.Name} checksum algorithm does not support the {type} checksum type.");
    }

    private static (long Offset, long Length) CopySourceRange(string? header, long size)
    {
        if (header is null)
            return (0, size);
        // x-amz-copy-source-range takes only bytes=first-last, both given (https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html).
        var spec = header.StartsWith("bytes=", StringComparison.Ordinal) ? header[6..].Split('-') : [];
        if (spec.Length != 2
            || !long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || first > last)
        {
            throw S3ErrorException.InvalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy",
                "x-amz-copy-source-range", header);
        }
        if (last >= size)
            throw S3ErrorException.InvalidRequest($"The specified copy range is invalid for the source object size");
        return (first, last - first + 1);
    }

    private static int ReadInteger(S3Call call, string name, int absent)
    {
        var text = call.Query(name);
        if (text is null)
            return absent;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw S3ErrorException.InvalidArgument($"Provided {name} not an integer or within integer range", name, text);
    }
}
