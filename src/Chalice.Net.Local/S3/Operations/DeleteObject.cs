using Chalice.Local.S3.Protocol;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary><c>DELETE /bucket/key</c>: 204 whether or not the object existed, as in S3.</summary>
internal static class DeleteObject
{
    public static Task ExecuteAsync(S3Call call)
    {
        var key = call.Key;
        call.RequireBucket(call.Bucket);
        // S3 notifies "when a non-versioned object is deleted"
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/NotificationHowTo.html): not for a key that was not there.
        if (call.Store.DeleteObject(call.Bucket, key))
            call.ReportChange("ObjectRemoved:Delete", key, stored: null);
        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
