using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Protocol;

/// <summary>One request being served: the HTTP exchange, the bucket and key it names, and the store.</summary>
internal sealed class S3Call(HttpContext http, S3Address address, FileObjectStore store, IS3ChangeListener? changes, ChangeSequencer sequencer)
{
    public HttpContext Http { get; } = http;
    public HttpRequest Request => Http.Request;
    public HttpResponse Response => Http.Response;
    public CancellationToken Aborted => Http.RequestAborted;
    public FileObjectStore Store { get; } = store;

    /// <summary>The bucket named by the request; only operations routed with a bucket read it.</summary>
    public string Bucket => address.Bucket ?? throw new InvalidOperationException("The request names no bucket.");

    /// <summary>The object key named by the request, checked against the keys the stand-in refuses.</summary>
    public string Key
    {
        get
        {
            var key = address.Key ?? throw new InvalidOperationException("The request names no key.");
            ObjectKey.Validate(key);
            return key;
        }
    }

    /// <summary>Checks that <paramref name="bucket"/> is a valid name and exists; otherwise throws S3's error.</summary>
    public void RequireBucket(string bucket)
    {
        if (!BucketName.IsValid(bucket))
            throw S3ErrorException.InvalidBucketName(bucket);
        if (!Store.BucketExists(bucket))
            throw S3ErrorException.NoSuchBucket(bucket);
    }

    /// <summary>
    /// Tells the change listener, if any, that this request created (<paramref name="stored"/> given) or removed an
    /// object (<paramref name="removedVersionId"/>: the version removed or the delete marker made, in a bucket with
    /// versioning enabled); call once the change is durable. The notification carries a version id only from a
    /// bucket with versioning enabled ("versionId: object version if bucket is versioning-enabled, otherwise null",
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html), which is where the
    /// store hands out version ids.
    /// </summary>
    public void ReportChange(string eventName, string key, StoredObject? stored, string? removedVersionId = null)
    {
        if (changes is null)
            return;
        var now = DateTime.UtcNow;
        changes.ObjectChanged(new S3ObjectChange(
            Bucket, key, eventName, stored?.Size, stored?.ETag, stored?.VersionId ?? removedVersionId, sequencer.Next(),
            new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            Response.Headers["x-amz-request-id"].ToString(), Response.Headers["x-amz-id-2"].ToString(),
            Http.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1"));
    }

    /// <summary>A request header's value, or null when absent or empty.</summary>
    public string? Header(string name) => Request.Headers[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>A query parameter's value, or null when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
