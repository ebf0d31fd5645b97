namespace Chalice.Local.S3.Storage;

/// <summary>
/// What a client sets on an object and gets back on every read: the representation headers S3 stores and the
/// user metadata (<c>x-amz-meta-*</c>, names lower-cased as S3 returns them).
/// </summary>
internal sealed record ObjectProperties(
    string ContentType,
    string? ContentEncoding,
    string? ContentDisposition,
    string? ContentLanguage,
    string? CacheControl,
    string? Expires,
    IReadOnlyDictionary<string, string> UserMetadata)
{
    /// <summary>S3's content type for an object uploaded without one.</summary>
    public const string DefaultContentType = "binary/octet-stream";

    /// <summary>What a delete marker carries: nothing of its own.</summary>
    public static ObjectProperties DeleteMarker { get; } =
        new(DefaultContentType, null, null, null, null, null, new Dictionary<string, string>());
}
