using Chalice.Functions;
using Chalice.Local.S3;

namespace Chalice.Local.EventSources;

/// <summary>
/// Whether a bucket notification configuration (an S3 handler's bucket, event types, prefix and suffix) selects a
/// change. Event types are <c>s3:ObjectCreated:Put</c> or a whole family, <c>s3:ObjectCreated:*</c>; the prefix and suffix
/// compare with the key as stored, case-sensitively
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html).
/// </summary>
internal static class S3EventFilter
{
    public static bool Selects(S3EventSettings settings, S3ObjectChange change) =>
        settings.Bucket == change.Bucket
        && settings.Events.Any(type => SelectsType(type, change.EventName))
        && (settings.Prefix is null || change.Key.StartsWith(settings.Prefix, StringComparison.Ordinal))
        && (settings.Suffix is null || change.Key.EndsWith(settings.Suffix, StringComparison.Ordinal));

    /// <summary><c>s3:ObjectCreated:*</c> selects <c>ObjectCreated:Put</c> and <c>ObjectCreated:Copy</c>; <c>s3:ObjectCreated:Put</c> only the first.</summary>
    private static bool SelectsType(string configured, string eventName)
    {
        var type = configured.StartsWith("s3:", StringComparison.Ordinal) ? configured[3..] : configured;
        return type.EndsWith(":*", StringComparison.Ordinal)
            ? eventName.StartsWith(type[..^1], StringComparison.Ordinal)
            : type == eventName;
    }
}
