using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>GET</c> and <c>HEAD /bucket/key</c>: the object's headers and (for GET) its body or the byte range asked for,
/// honouring conditional headers and the <c>response-*</c> overrides.
/// </summary>
internal static class GetObject
{
    public static async Task ExecuteAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        await using var opened = Open(call, key);
        var stored = opened.Metadata;
        var response = call.Response;

        ObjectHeaders.Write(response, stored);
        if (Preconditions.IsNotModified(call, stored))
        {
            // Like S3, a 304 carries the validators but no representation headers.
            RemoveContentHeaders(response);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = ByteRange.Resolve(call.Header("Range"), stored.Size);
        var (offset, length) = range is { } r ? (r.First, r.Length) : (0L, stored.Size);
        // A checksum describes the whole object, so S3 leaves it off partial responses.
        if (IsChecksumModeEnabled(call) && (range is null || length == stored.Size))
            ChecksumHeaders.Write(response, stored.Checksum);
        ObjectHeaders.ApplyResponseOverrides(call);

        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = partial.ToContentRange(stored.Size);
        }
        response.ContentLength = length;
        if (!HttpMethods.IsHead(call.Request.Method))
            await opened.CopyBodyAsync(chunk => response.Body.WriteAsync(chunk, call.Aborted), offset, length, call.Aborted);
    }

    /// <summary>The current version, or the one <c>versionId</c> names; a delete marker is S3's error, not an object.</summary>
    private static OpenedObject Open(S3Call call, string key)
    {
        var versionId = call.Query("versionId");
        var opened = versionId is null
            ? call.Store.Open(call.Bucket, key) ?? throw S3ErrorException.NoSuchKey(key)
            : call.Store.OpenVersion(call.Bucket, key, versionId) ?? throw S3ErrorException.NoSuchVersion(key, versionId);
        if (!opened.Metadata.IsDeleteMarker)
            return opened;
        opened.Dispose();
        var marker = opened.Metadata;
        throw versionId is null
            ? S3ErrorException.HiddenByDeleteMarker(key, marker.VersionIdText)
            : S3ErrorException.DeleteMarkerRequested(call.Request.Method, marker.VersionIdText, marker.LastModified);
    }

    private static bool IsChecksumModeEnabled(S3Call call) =>
        string.Equals(call.Header("x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase);

    private static void RemoveContentHeaders(HttpResponse response)
    {
        foreach (var name in response.Headers.Keys.Where(n => n.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)).ToList())
            response.Headers.Remove(name);
    }
}
