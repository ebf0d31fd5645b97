namespace Chalice.Deploy.Aws;

/// <summary>
/// What happens when the same request reaches AWS twice. A request whose response was lost (connection reset after
/// sending, timeout, 5xx) may or may not have been applied, so the retry policy only replays it when a second
/// application is harmless or detectable.
/// </summary>
internal enum ReplayBehavior
{
    /// <summary>A read: no side effect, always safe to repeat.</summary>
    Read,

    /// <summary>
    /// A write that converges: applying it twice leaves the state applying it once would (put, update, tag, untag,
    /// replace). Replayed freely.
    /// </summary>
    Converges,

    /// <summary>
    /// A delete. The replay of a delete that did succeed answers "not found"; after an ambiguous earlier attempt the
    /// pipeline takes that answer as success.
    /// </summary>
    Deletes,

    /// <summary>
    /// A create of a uniquely named resource (role, function, permission statement). A replay of a create that did
    /// succeed fails with a conflict; the pipeline then marks the error <see cref="AwsServiceException.MayHaveSucceeded"/>
    /// so the caller reads the resource back instead of failing.
    /// </summary>
    ConflictsOnReplay,

    /// <summary>
    /// A create that makes a new resource every time (<c>CreateRestApi</c>): replayed only when AWS provably did not
    /// process it (throttled, or the connection was never made). Otherwise the error carries
    /// <see cref="AwsServiceException.MayHaveSucceeded"/> and the caller looks the resource up by name.
    /// </summary>
    DuplicatesOnReplay,
}
