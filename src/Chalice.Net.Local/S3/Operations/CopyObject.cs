using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>PUT /bucket/key</c> with <c>x-amz-copy-source</c>: copies an object, keeping its properties
/// (<c>x-amz-metadata-directive: COPY</c>, the default) or taking them from the request (<c>REPLACE</c>).
/// </summary>
internal static class CopyObject
{
    private const string IllegalSelfCopy =
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.";

    public static async Task ExecuteAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        var copySource = ParseCopySource(call.Header("x-amz-copy-source")!);
        var replace = ReadDirective(call);
        if (!replace && copySource.Bucket == call.Bucket && copySource.Key == key && copySource.VersionId is null)
            throw S3ErrorException.InvalidRequest(IllegalSelfCopy);

        await using var source = OpenSource(call, copySource);
        var original = source.Metadata;
        var algorithm = RequestedAlgorithm(call) ?? (original.Checksum is { } c ? ChecksumAlgorithm.FromName(c.Algorithm) : null);

        await using var staged = call.Store.Stage(algorithm);
        await source.CopyBodyAsync(chunk => staged.AppendAsync(chunk, call.Aborted), 0, original.Size, call.Aborted);
        var (etag, checksum) = staged.FinishBody();
        var properties = replace ? ObjectHeaders.ReadProperties(call.Request) : original.Properties;
        var written = new StoredObject(key, staged.Size, etag, FileObjectStore.Now(), checksum, properties);
        var copy = await call.Store.TryCommitAsync(call.Bucket, staged, written, call.Aborted)
            ?? throw S3ErrorException.NoSuchBucket(call.Bucket);
        call.ReportChange("ObjectCreated:Copy", key, copy);

        ObjectHeaders.WriteVersionId(call.Response, copy);
        if (original.VersionId is not null)
            call.Response.Headers["x-amz-copy-source-version-id"] = original.VersionId;

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("CopyObjectResult",
            S3Xml.Element("ETag", copy.ETag),
            S3Xml.Element("LastModified", S3Xml.Timestamp(copy.LastModified)),
            checksum is null ? null : S3Xml.Element("Checksum" + checksum.Algorithm, checksum.Value)));
    }

    /// <summary>
    /// Opens the object a copy reads: the source key's current version, or the version the copy source names. A delete
    /// marker cannot be copied: S3 answers as for a missing key, or 400 when the marker was named by its version id
    /// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html).
    /// </summary>
    internal static OpenedObject OpenSource(S3Call call, CopySource source)
    {
        ObjectKey.Validate(source.Key);
        call.RequireBucket(source.Bucket);
        var opened = source.VersionId is { } versionId
            ? call.Store.OpenVersion(source.Bucket, source.Key, versionId) ?? throw S3ErrorException.NoSuchVersion(source.Key, versionId)
            : call.Store.Open(source.Bucket, source.Key) ?? throw S3ErrorException.NoSuchKey(source.Key);
        if (!opened.Metadata.IsDeleteMarker)
            return opened;
        opened.Dispose();
        throw source.VersionId is null
            ? S3ErrorException.NoSuchKey(source.Key)
            : S3ErrorException.InvalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
    }

    /// <summary>Splits <c>x-amz-copy-source</c> (<c>[/]bucket/key[?versionId=…]</c>, URL-encoded) into bucket, key and version.</summary>
    internal static CopySource ParseCopySource(string header)
    {
        var parts = header.Split('?', 2);
        var versionId = parts.Length == 2 && parts[1].StartsWith("versionId=", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(parts[1]["versionId=".Length..])
            : parts.Length == 2
                ? throw S3ErrorException.InvalidArgument("Unsupported copy source parameter.", "x-amz-copy-source", header)
                : null;
        var decoded = Uri.UnescapeDataString(parts[0]);
        if (decoded.StartsWith('/'))
            decoded = decoded[1..];
        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == decoded.Length - 1)
        {
            throw S3ErrorException.InvalidArgument(
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", header);
        }
        return new CopySource(decoded[..slash], decoded[(slash + 1)..], versionId);
    }

    private static bool ReadDirective(S3Call call) => call.Header("x-amz-metadata-directive")?.ToUpperInvariant() switch
    {
        null or "COPY" => false,
        "REPLACE" => true,
        var other => throw S3ErrorException.InvalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", other),
    };

    private static ChecksumAlgorithm? RequestedAlgorithm(S3Call call) =>
        call.Header("x-amz-checksum-algorithm") is { } name
            ? ChecksumAlgorithm.FromName(name) ?? throw S3ErrorException.InvalidRequest("Value for x-amz-checksum-algorithm header is invalid.")
            : null;
}
