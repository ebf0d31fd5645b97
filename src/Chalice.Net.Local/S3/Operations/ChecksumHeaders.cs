using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.S3.Operations;

/// <summary>The headers that report an object's additional checksum.</summary>
internal static class ChecksumHeaders
{
    /// <summary>An object's checksum and its type (<c>FULL_OBJECT</c>, or <c>COMPOSITE</c> for some multipart uploads).</summary>
    public static void Write(HttpResponse response, ObjectChecksum? checksum)
    {
        if (checksum is null || ChecksumAlgorithm.FromName(checksum.Algorithm) is not { } algorithm)
            return;
        response.Headers[algorithm.HeaderName] = checksum.Value;
        response.Headers["x-amz-checksum-type"] = checksum.Type;
    }

    /// <summary>A part's checksum: UploadPart answers with the value alone, a part having no checksum type of its own.</summary>
    public static void WritePartValue(HttpResponse response, ObjectChecksum? checksum)
    {
        if (checksum is not null && ChecksumAlgorithm.FromName(checksum.Algorithm) is { } algorithm)
            response.Headers[algorithm.HeaderName] = checksum.Value;
    }

    /// <summary>The <c>ChecksumCRC32</c>-style element S3's XML results carry for a checksum, or null for none.</summary>
    public static System.Xml.Linq.XElement? Element(ObjectChecksum? checksum) =>
        checksum is null ? null : Protocol.S3Xml.Element("Checksum" + checksum.Algorithm, checksum.Value);
}
