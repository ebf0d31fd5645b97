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
        var (sourceBucket, sourceKey) = ParseCopySource(call.Header("x-amz-copy-source")!);
        ObjectKey.Validate(sourceKey);
        call.RequireBucket(sourceBucket);
        var replace = ReadDirective(call);
        if (!replace && sourceBucket == call.Bucket && sourceKey == key)
            throw S3ErrorException.InvalidRequest(IllegalSelfCopy);

        await using var source = call.Store.Open(sourceBucket, sourceKey) ?? throw S3ErrorException.NoSuchKey(sourceKey);
        var original = source.Metadata;
        var algorithm = RequestedAlgorithm(call) ?? (original.Checksum is { } c ? ChecksumAlgorithm.FromName(c.Algorithm) : null);

        await using var staged = call.Store.Stage(algorithm);
        await source.CopyBodyAsync(chunk => staged.AppendAsync(chunk, call.Aborted), 0, original.Size, call.Aborted);
        var (etag, checksum) = staged.FinishBody();
        var properties = replace ? ObjectHeaders.ReadProperties(call.Request) : original.Properties;
        var copy = new StoredObject(key, staged.Size, etag, FileObjectStore.Now(), checksum, properties);
        if (!await call.Store.TryCommitAsync(call.Bucket, staged, copy, call.Aborted))
            throw S3ErrorException.NoSuchBucket(call.Bucket);
        call.ReportChange("ObjectCreated:Copy", key, copy);

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("CopyObjectResult",
            S3Xml.Element("ETag", copy.ETag),
            S3Xml.Element("LastModified", S3Xml.Timestamp(copy.LastModified)),
            checksum is null ? null : S3Xml.Element("Checksum" + checksum.Algorithm, checksum.Value)));
    }

    /// <summary>Splits <c>x-amz-copy-source</c> (<c>[/]bucket/key[?versionId=…]</c>, URL-encoded) into bucket and key.</summary>
    internal static (string Bucket, string Key) ParseCopySource(string header)
    {
        var withoutVersion = header.Split('?', 2)[0];
        var decoded = Uri.UnescapeDataString(withoutVersion);
        if (decoded.StartsWith('/'))
            decoded = decoded[1..];
        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == decoded.Length - 1)
        {
            throw S3ErrorException.InvalidArgument(
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", header);
        }
        return (decoded[..slash], decoded[(slash + 1)..]);
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
