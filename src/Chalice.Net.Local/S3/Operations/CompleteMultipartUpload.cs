using System.Globalization;
using System.Security.Cryptography;
using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>POST /bucket/key?uploadId</c>: joins the listed parts, in order, into the object and ends the upload
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html). As S3: the parts must be listed in
/// ascending order (<c>InvalidPartOrder</c>), each must have been uploaded with the ETag given (<c>InvalidPart</c>),
/// every part but the last must be at least 5 MiB (<c>EntityTooSmall</c>), and the ETag is the MD5 of the parts' MD5s
/// followed by <c>-</c> and the number of parts.
/// </summary>
internal static class CompleteMultipartUpload
{
    public static readonly string[] Parameters = ["uploadId"];

    /// <summary>S3's minimum size of every part but the last (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public const long MinimumPartSize = 5 * 1024 * 1024;

    public static async Task ExecuteAsync(S3Call call)
    {
        var upload = MultipartUpload.RequireUpload(call);
        var requested = await ReadPartListAsync(call);
        var parts = ResolveParts(call, upload, requested);
        var checksumAlgorithm = upload.Checksum is { } c ? ChecksumAlgorithm.FromName(c.Algorithm) : null;
        var composite = upload.Checksum?.Type == ObjectChecksum.Composite;

        await using var staged = call.Store.Stage(composite ? null : checksumAlgorithm);
        using var partMd5s = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var partDigests = new List<byte>();
        foreach (var part in parts)
        {
            await using var opened = call.Store.Uploads.OpenPart(call.Bucket, upload.UploadId, part.PartNumber)
                ?? throw S3ErrorException.InvalidPart(upload.UploadId, part.PartNumber, part.ETag);
            var partChecksum = composite ? checksumAlgorithm!.Create() : null;
            await opened.CopyBodyAsync(async chunk =>
            {
                partChecksum?.Append(chunk.Span);
                await staged.AppendAsync(chunk, call.Aborted);
            }, 0, part.Size, call.Aborted);
            partMd5s.AppendData(Convert.FromHexString(part.ETag.Trim('"')));
            if (partChecksum is not null)
                partDigests.AddRange(Convert.FromBase64String(partChecksum.GetBase64()));
        }
        var (_, fullChecksum) = staged.FinishBody();
        var etag = $"\"{Convert.ToHexStringLower(partMd5s.GetHashAndReset())}-{parts.Count}\"";
        var checksum = composite ? CompositeChecksum(checksumAlgorithm!, partDigests) : fullChecksum;

        var completed = new StoredObject(upload.Key, staged.Size, etag, FileObjectStore.Now(), checksum, upload.Properties);
        var stored = await call.Store.TryCommitAsync(call.Bucket, staged, completed, call.Aborted)
            ?? throw S3ErrorException.NoSuchBucket(call.Bucket);
        call.Store.Uploads.Remove(call.Bucket, upload.UploadId);
        call.ReportChange("ObjectCreated:CompleteMultipartUpload", upload.Key, stored);
        ObjectHeaders.WriteVersionId(call.Response, stored);

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("CompleteMultipartUploadResult",
            S3Xml.Element("Location", $"{call.Request.Scheme}://{call.Request.Host}{call.Request.PathBase}{call.Request.Path}"),
            S3Xml.Element("Bucket", call.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("ETag", etag),
            ChecksumHeaders.Element(checksum),
            checksum is null ? null : S3Xml.Element("ChecksumType", checksum.Type)));
    }

    /// <summary>The parts the request lists, checked against what was uploaded.</summary>
    private static List<StoredPart> ResolveParts(S3Call call, StoredUpload upload, IReadOnlyList<(int PartNumber, string ETag)> requested)
    {
        for (var i = 1; i < requested.Count; i++)
        {
            if (requested[i].PartNumber <= requested[i - 1].PartNumber)
                throw S3ErrorException.InvalidPartOrder();
        }
        // "when an additional checksum ... is applied to each part, the PartNumber must start at 1 and the part numbers
        // must be consecutive" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompletedPart.html).
        if (upload.Checksum is not null && requested.Select((part, index) => part.PartNumber != index + 1).Any(gap => gap))
            throw S3ErrorException.InvalidPartOrder();
        var uploaded = call.Store.Uploads.ListParts(call.Bucket, upload.UploadId).ToDictionary(p => p.PartNumber);
        var parts = new List<StoredPart>(requested.Count);
        foreach (var (partNumber, etag) in requested)
        {
            // S3 compares ETags with or without their quotes.
            if (!uploaded.TryGetValue(partNumber, out var part) || part.ETag.Trim('"') != etag.Trim('"'))
                throw S3ErrorException.InvalidPart(upload.UploadId, partNumber, etag);
            parts.Add(part);
        }
        foreach (var part in parts.Take(parts.Count - 1))
        {
            if (part.Size < MinimumPartSize)
                throw S3ErrorException.EntityTooSmall(part.Size, MinimumPartSize);
        }
        return parts;
    }

    /// <summary>
    /// A composite checksum: the checksum of the parts' checksums. Written as moto 5.2.1 writes it, the bare value: the
    /// API reference says only that it is "a calculation based on the checksum values of each individual part"
    /// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Checksum.html) and no recorded AWS response here shows
    /// whether a <c>-N</c> part count follows it as it follows the ETag.
    /// </summary>
    private static ObjectChecksum CompositeChecksum(ChecksumAlgorithm algorithm, List<byte> partDigests)
    {
        var ofParts = algorithm.Create();
        ofParts.Append(partDigests.ToArray());
        return new ObjectChecksum(algorithm.Name, ofParts.GetBase64(), ObjectChecksum.Composite);
    }

    private static async Task<IReadOnlyList<(int PartNumber, string ETag)>> ReadPartListAsync(S3Call call)
    {
        var root = await S3Xml.ReadRequestAsync(call, "CompleteMultipartUpload");
        var parts = new List<(int, string)>();
        foreach (var part in root.Elements().Where(e => e.Name.LocalName == "Part"))
        {
            var number = S3Xml.ChildValue(part, "PartNumber");
            var etag = S3Xml.ChildValue(part, "ETag");
            if (etag is null || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber))
                throw S3ErrorException.MalformedXml();
            parts.Add((partNumber, etag));
        }
        // A completion must name at least one part.
        return parts.Count > 0 ? parts : throw S3ErrorException.MalformedXml();
    }
}
