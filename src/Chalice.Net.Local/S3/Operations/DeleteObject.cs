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
        call.Store.DeleteObject(call.Bucket, key);
        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
