namespace Chalice.Local.S3.Storage;

/// <summary>What a delete did.</summary>
/// <param name="Changed">Whether anything changed: an object or version removed, or a delete marker made.</param>
/// <param name="VersionId">The version removed, or the delete marker made; null when no version id applies (unversioned bucket).</param>
/// <param name="IsDeleteMarker">The delete made a delete marker, or removed one.</param>
/// <param name="MadeDeleteMarker">The delete made a delete marker (rather than removing a version).</param>
internal sealed record ObjectRemoval(bool Changed, string? VersionId, bool IsDeleteMarker, bool MadeDeleteMarker)
{
    /// <summary>A delete that found nothing to remove.</summary>
    public static ObjectRemoval Nothing(string? versionId = null) =>
        new(Changed: false, versionId, IsDeleteMarker: false, MadeDeleteMarker: false);
}
