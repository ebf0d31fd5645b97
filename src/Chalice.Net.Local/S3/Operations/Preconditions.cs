using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// GetObject's conditional headers, evaluated in S3's order: <c>If-Match</c> (else <c>If-Unmodified-Since</c>) can
/// fail the request with 412; <c>If-None-Match</c> (else <c>If-Modified-Since</c>) can answer 304.
/// </summary>
internal static class Preconditions
{
    /// <summary>True when the client's copy is current (answer 304); throws <c>PreconditionFailed</c> for a 412.</summary>
    public static bool IsNotModified(S3Call call, StoredObject stored)
    {
        if (call.Header("If-Match") is { } ifMatch)
        {
            if (!MatchesAny(ifMatch, stored.ETag))
                throw S3ErrorException.PreconditionFailed("If-Match");
        }
        else if (ObjectHeaders.ParseHttpDate(call.Header("If-Unmodified-Since")) is { } unmodifiedSince
                 && stored.LastModified > unmodifiedSince)
        {
            throw S3ErrorException.PreconditionFailed("If-Unmodified-Since");
        }

        if (call.Header("If-None-Match") is { } ifNoneMatch)
            return MatchesAny(ifNoneMatch, stored.ETag);
        return ObjectHeaders.ParseHttpDate(call.Header("If-Modified-Since")) is { } modifiedSince
            && stored.LastModified <= modifiedSince;
    }

    // S3 compares entity tags with or without their quotes, and accepts a list or '*'.
    private static bool MatchesAny(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => candidate == "*" || candidate.Trim('"') == etag.Trim('"'));
}
