using System.Globalization;
using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>PUT /bucket/key</c>: stores a body sent plainly or aws-chunked (signed or unsigned chunks, with or without
/// trailing checksums), verifying <c>Content-MD5</c> and any additional checksum.
/// </summary>
internal static class PutObject
{
    public static async Task ExecuteAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        AllowAnyBodySize(call.Http);

        var integrity = UploadIntegrity.From(call);
        await using var staged = call.Store.Stage(integrity.Algorithm);
        var trailers = await ReceiveBodyAsync(call, staged);
        var (etag, checksum) = staged.FinishBody();
        integrity.Verify(etag, checksum, trailers);

        var written = new StoredObject(key, staged.Size, etag, FileObjectStore.Now(), checksum, ObjectHeaders.ReadProperties(call.Request));
        var stored = await call.Store.TryCommitAsync(call.Bucket, staged, written, call.Aborted)
            ?? throw S3ErrorException.NoSuchBucket(call.Bucket);
        call.ReportChange("ObjectCreated:Put", key, stored);

        ObjectHeaders.WriteVersionId(call.Response, stored);
        call.Response.Headers.ETag = etag;
        ChecksumHeaders.Write(call.Response, checksum);
        call.Response.ContentLength = 0;
    }

    /// <summary>Copies the payload into <paramref name="staged"/> and returns the trailers that followed it.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> ReceiveBodyAsync(S3Call call, StagedObject staged)
    {
        if (!RequestPayload.IsAwsChunked(call))
        {
            await staged.AppendAllAsync(call.Request.Body, call.Aborted);
            return new Dictionary<string, string>();
        }

        var chunked = new AwsChunkedStream(call.Request.BodyReader);
        await staged.AppendAllAsync(chunked, call.Aborted);
        if (call.Header("x-amz-decoded-content-length") is { } declared
            && (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != chunked.DecodedLength))
        {
            throw S3ErrorException.IncompleteBody(
                $"The aws-chunked body carried {chunked.DecodedLength} bytes but x-amz-decoded-content-length declared {declared}.");
        }
        return chunked.Trailers;
    }

    // S3 takes single uploads of up to 5 GB; a host that mounts the handler may have a smaller default limit.
    internal static void AllowAnyBodySize(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
    }
}
