using Chalice.Local.S3.Protocol;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>
/// GetObject's conditional headers, evaluated in S3's order: <c>If-Match</c> (else <c>If-Unmodified-Since</c>) can
/// fail the request with 412; <c>If-None-Match</c> (else <c>If-Modified-Since</c>) can answer 304.
/// </summary>
internal static class Preconditions
{
    /// <summary>412 or 304 when a condition stops the request, null when it proceeds.</summary>
    public static int? Evaluate(S3Call call, StoredObject stored)
    {
        if (call.Header("If-Match") is { } ifMatch)
        {
            if (!MatchesAny(ifMatch, stored.ETag))
                return StatusCodes.Status412PreconditionFailed;
        }
        else if (ObjectHeaders.ParseHttpDate(call.Header("If-Unmodified-Since")) is { } unmodifiedSince
                 && stored.LastModified > unmodifiedSince)
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        if (call.Header("If-None-Match") is { } ifNoneMatch)
        {
            if (MatchesAny(ifNoneMatch, stored.ETag))
                return StatusCodes.Status304NotModified;
        }
        else if (ObjectHeaders.ParseHttpDate(call.Header("If-Modified-Since")) is { } modifiedSince
                 && stored.LastModified <= modifiedSince)
        {
            return StatusCodes.Status304NotModified;
        }
        return null;
    }

    // S3 compares entity tags with or without their quotes, and accepts a list or '*'.
    private static bool MatchesAny(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => candidate == "*" || candidate.Trim('"') == etag.Trim('"'));
}
