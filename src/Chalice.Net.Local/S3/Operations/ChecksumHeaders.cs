using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>The headers that report an object's additional checksum.</summary>
internal static class ChecksumHeaders
{
    public static void Write(HttpResponse response, ObjectChecksum? checksum)
    {
        if (checksum is null || ChecksumAlgorithm.FromName(checksum.Algorithm) is not { } algorithm)
            return;
        response.Headers[algorithm.HeaderName] = checksum.Value;
        // Single-part uploads carry a checksum of the whole object, never a composite of parts.
        response.Headers["x-amz-checksum-type"] = "FULL_OBJECT";
    }
}
