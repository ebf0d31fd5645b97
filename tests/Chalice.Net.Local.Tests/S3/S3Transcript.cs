using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Chalice.Local.Tests.S3;

/// <summary>
/// What a client observed over a sequence of S3 operations, one line per step, holding only what must agree between
/// two servers (never request ids, times or opaque tokens). Differential tests run a scenario against moto and
/// against the stand-in and compare the transcripts. ChecksumType is left out: AWS documents
/// <c>x-amz-checksum-type: FULL_OBJECT</c> on PutObject and GetObject responses that carry a checksum, moto 5.2.1
/// omits it, and the stand-in follows AWS (checked in <see cref="S3RawUploadTests"/>).
/// </summary>
internal sealed class S3Transcript
{
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _versionNames = new(StringComparer.Ordinal);

    /// <summary>
    /// A version id as the transcript shows it: <c>null</c> as S3 writes it, others as v1, v2, … in the order first seen,
    /// since each server makes up its own ids.
    /// </summary>
    public string Version(string? versionId) => versionId switch
    {
        null or "" => "-",
        "null" => "null",
        _ => _versionNames.TryGetValue(versionId, out var name) ? name : _versionNames[versionId] = "v" + (_versionNames.Count + 1),
    };

    /// <summary>
    /// A ListObjectVersions page, versions and delete markers apart: moto 5.2.1 writes every Version element before
    /// every DeleteMarker, so their relative order is not compared.
    /// </summary>
    public string DescribeVersions(ListVersionsResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("truncated", r.IsTruncated), ("nextKey", r.NextKeyMarker),
            ("versions", string.Join(" ", (r.Versions ?? []).Where(v => v.IsDeleteMarker != true).Select(v =>
                $"{v.Key}|{Version(v.VersionId)}|{(v.IsLatest == true ? "latest" : "old")}|{v.Size}|{v.ETag}"))),
            ("markers", string.Join(" ", (r.Versions ?? []).Where(v => v.IsDeleteMarker == true).Select(v =>
                $"{v.Key}|{Version(v.VersionId)}|{(v.IsLatest == true ? "latest" : "old")}"))));

    /// <summary>Records the description <paramref name="action"/> returns, or the S3 error it failed with.</summary>
    public async Task StepAsync(string name, Func<Task<string>> action)
    {
        try
        {
            _lines.Add($"{name}: {await action()}");
        }
        catch (AmazonS3Exception e)
        {
            _lines.Add($"{name}: error {(int)e.StatusCode} {e.ErrorCode}");
        }
    }

    /// <summary>Records a step that has already succeeded.</summary>
    public void Record(string name, string description) => _lines.Add($"{name}: {description}");

    public override string ToString() => string.Join('\n', _lines);

    public static string Describe(PutObjectResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("etag", r.ETag), ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)));

    public static string Describe(CopyObjectResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("etag", r.ETag), ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)));

    public static async Task<string> DescribeAsync(GetObjectResponse r)
    {
        using var body = new MemoryStream();
        await r.ResponseStream.CopyToAsync(body, TestContext.Current.CancellationToken);
        return Fields(("status", (int)r.HttpStatusCode), ("etag", r.ETag), ("length", r.ContentLength),
            ("type", r.Headers.ContentType), ("range", r.ContentRange), ("encoding", r.Headers.ContentEncoding),
            ("disposition", r.Headers.ContentDisposition), ("cache", r.Headers.CacheControl), ("language", r.ContentLanguage),
            ("meta", Metadata(r.Metadata)), ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)),
            ("body", Body(body.ToArray())));
    }

    public static string Describe(GetObjectMetadataResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("etag", r.ETag), ("length", r.ContentLength), ("type", r.Headers.ContentType),
            ("encoding", r.Headers.ContentEncoding), ("disposition", r.Headers.ContentDisposition), ("cache", r.Headers.CacheControl),
            ("meta", Metadata(r.Metadata)), ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)));

    public static string Describe(ListObjectsV2Response r) =>
        Fields(("status", (int)r.HttpStatusCode), ("prefix", r.Prefix), ("delimiter", r.Delimiter), ("maxKeys", r.MaxKeys),
            ("keyCount", r.KeyCount), ("truncated", r.IsTruncated), ("hasNextToken", r.NextContinuationToken is not null),
            ("startAfter", r.StartAfter),
            ("contents", string.Join(" ", (r.S3Objects ?? []).Select(o => $"{o.Key}|{o.Size}|{o.ETag}|{o.StorageClass}|{string.Join('+', o.ChecksumAlgorithm ?? [])}"))),
            ("prefixes", string.Join(" ", r.CommonPrefixes ?? [])));

    public static string Describe(InitiateMultipartUploadResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("bucket", r.BucketName), ("key", r.Key), ("hasUploadId", !string.IsNullOrEmpty(r.UploadId)),
            ("checksumAlgorithm", r.ChecksumAlgorithm?.Value), ("checksumType", r.ChecksumType?.Value));

    public static string Describe(UploadPartResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("part", r.PartNumber), ("etag", r.ETag), ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)));

    public static string Describe(CopyPartResponse r) => Fields(("status", (int)r.HttpStatusCode), ("etag", r.ETag));

    public static string Describe(CompleteMultipartUploadResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("bucket", r.BucketName), ("key", r.Key), ("etag", r.ETag),
            ("checksums", Checksums(r.ChecksumCRC32, r.ChecksumCRC32C, r.ChecksumCRC64NVME, r.ChecksumSHA1, r.ChecksumSHA256)),
            ("checksumType", r.ChecksumType?.Value));

    public static string Describe(ListPartsResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("key", r.Key), ("truncated", r.IsTruncated), ("next", r.NextPartNumberMarker),
            ("parts", string.Join(" ", (r.Parts ?? []).Select(p => $"{p.PartNumber}|{p.Size}|{p.ETag}"))));

    public static string Describe(ListMultipartUploadsResponse r) =>
        Fields(("status", (int)r.HttpStatusCode), ("prefix", r.Prefix), ("truncated", r.IsTruncated),
            ("uploads", string.Join(" ", (r.MultipartUploads ?? []).Select(u => $"{u.Key}|{u.StorageClass}"))));

    public static string Body(byte[] body) =>
        body.Length <= 64 && body.All(b => b is >= 0x20 and < 0x7f)
            ? $"'{Encoding.ASCII.GetString(body)}'"
            : $"{body.Length} bytes sha256:{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}";

    private static string Metadata(MetadataCollection metadata) =>
        string.Join(",", metadata.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}={metadata[k]}"));

    private static string Checksums(params string?[] values) => string.Join(",", values.Select(v => v ?? "-"));

    private static string Fields(params (string Name, object? Value)[] fields) =>
        string.Join(" ", fields.Where(f => f.Value is not null && !(f.Value is string { Length: 0 }))
            .Select(f => $"{f.Name}={Convert.ToString(f.Value, CultureInfo.InvariantCulture)}"));
}
