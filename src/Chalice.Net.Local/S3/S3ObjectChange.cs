namespace Chalice.Local.S3;

/// <summary>
/// An object the stand-in created or removed, with what S3's event notification says about it
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
/// </summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key as stored (not encoded).</param>
/// <param name="EventName">The event type without <c>s3:</c>: <c>ObjectCreated:Put</c>, <c>ObjectCreated:Copy</c>, <c>ObjectCreated:CompleteMultipartUpload</c>, <c>ObjectRemoved:Delete</c>, <c>ObjectRemoved:DeleteMarkerCreated</c>.</param>
/// <param name="Size">The object's size; null for a removal.</param>
/// <param name="ETag">The object's ETag; null for a removal.</param>
/// <param name="VersionId">The version created or removed (or the delete marker made) in a bucket with versioning enabled; otherwise null.</param>
/// <param name="Sequencer">Hexadecimal, greater for a later change of the same key.</param>
/// <param name="EventTime">When the change was done, to the millisecond.</param>
/// <param name="RequestId">The request's <c>x-amz-request-id</c>.</param>
/// <param name="HostId">The request's <c>x-amz-id-2</c>.</param>
/// <param name="SourceIpAddress">Where the request came from.</param>
internal sealed record S3ObjectChange(
    string Bucket, string Key, string EventName, long? Size, string? ETag, string? VersionId, string Sequencer,
    DateTime EventTime, string RequestId, string HostId, string SourceIpAddress);
