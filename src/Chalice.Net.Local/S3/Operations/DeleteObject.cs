using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// <c>DELETE /bucket/key[?versionId]</c>: 204 whether or not the object existed, as in S3. Without a version id, a
/// bucket with versioning set gets a delete marker; with one, that version is deleted for good
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html).
/// </summary>
internal static class DeleteObject
{
    public static async Task ExecuteAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        var removal = await DeleteAsync(call, key, call.Query("versionId"));
        if (removal.IsDeleteMarker)
            call.Response.Headers["x-amz-delete-marker"] = "true";
        if (removal.VersionId is not null)
            call.Response.Headers["x-amz-version-id"] = removal.VersionId;
        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Deletes a key or one version of it and notifies as S3 does; shared with DeleteObjects.</summary>
    public static async Task<ObjectRemoval> DeleteAsync(S3Call call, string key, string? versionId)
    {
        var versioningEnabled = call.Store.GetVersioning(call.Bucket) == StoredBucket.Enabled;
        var removal = versionId is null
            ? await call.Store.DeleteObjectAsync(call.Bucket, key, call.Aborted)
            : call.Store.DeleteVersion(call.Bucket, key, versionId);
        // S3 notifies "when a non-versioned object is deleted" or a version is permanently deleted, and
        // "s3:ObjectRemoved:DeleteMarkerCreated" when a delete marker is created for a versioned object
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html):
        // not for a key or version that was not there.
        if (removal.Changed)
        {
            call.ReportChange(removal.MadeDeleteMarker ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete", key, stored: null,
                versioningEnabled ? removal.VersionId : null);
        }
        // In a suspended bucket the marker made is the null version.
        return removal.MadeDeleteMarker && removal.VersionId is null ? removal with { VersionId = StoredObject.NullVersionId } : removal;
    }
}
