using Chalice.Functions;

namespace Chalice;

/// <summary>
/// Runs the method when objects change in a bucket (Chalice's <c>on_s3_event</c>): the bucket's notification
/// configuration sends it an <see cref="Events.S3Event"/>.
/// </summary>
/// <example><c>[OnS3Event("uploads", Prefix = "images/", Suffix = ".jpg")]</c></example>
/// <param name="bucket">The bucket's name.</param>
public sealed class OnS3EventAttribute(string bucket) : FunctionAttribute
{
    /// <summary>The bucket.</summary>
    public string Bucket { get; } = bucket;

    /// <summary>
    /// The S3 event types, e.g. <c>s3:ObjectCreated:*</c>, <c>s3:ObjectRemoved:Delete</c> (default: every object
    /// creation, <c>s3:ObjectCreated:*</c>).
    /// </summary>
    public string[] Events { get; set; } = [EventSourceDefaults.S3Event];

    /// <summary>Only keys that start with this.</summary>
    public string? Prefix { get; set; }

    /// <summary>Only keys that end with this.</summary>
    public string? Suffix { get; set; }
}
