using Chalice.Local.S3.Checksums;
using Chalice.Local.S3.Storage;

namespace Chalice.Local.S3.Protocol;

/// <summary>
/// The integrity claims an upload makes: <c>Content-MD5</c>, and an additional checksum named by
/// <c>x-amz-sdk-checksum-algorithm</c> whose value arrives as a header (<c>x-amz-checksum-crc32: …</c>) or, for
/// aws-chunked bodies, as a trailer announced by <c>x-amz-trailer</c>. S3 rejects a body that does not match.
/// </summary>
internal sealed class UploadIntegrity
{
    private readonly string? _contentMd5;
    private readonly string? _checksumHeaderValue;

    private UploadIntegrity(ChecksumAlgorithm? algorithm, string? checksumHeaderValue, string? contentMd5)
    {
        Algorithm = algorithm;
        _checksumHeaderValue = checksumHeaderValue;
        _contentMd5 = contentMd5;
    }

    /// <summary>The additional checksum to compute and store, if the upload asked for one.</summary>
    public ChecksumAlgorithm? Algorithm { get; }

    public static UploadIntegrity From(S3Call call)
    {
        var algorithm = AlgorithmFrom(call);
        return new UploadIntegrity(algorithm, algorithm is null ? null : call.Header(algorithm.HeaderName), call.Header("Content-MD5"));
    }

    /// <summary>Throws S3's <c>BadDigest</c> or <c>InvalidDigest</c> when the received body contradicts a claim.</summary>
    public void Verify(string etag, ObjectChecksum? computed, IReadOnlyDictionary<string, string> trailers)
    {
        if (_contentMd5 is not null)
            VerifyContentMd5(etag);
        if (Algorithm is null || computed is null)
            return;
        var claimed = _checksumHeaderValue ?? trailers.GetValueOrDefault(Algorithm.HeaderName);
        if (claimed is not null && claimed != computed.Value)
            throw S3ErrorException.BadDigest($"The {Algorithm.Name} you specified did not match the calculated checksum.");
    }

    private void VerifyContentMd5(string etag)
    {
        var digest = new byte[16];
        if (!Convert.TryFromBase64String(_contentMd5!, digest, out var written) || written != digest.Length)
            throw S3ErrorException.InvalidDigest("The Content-MD5 you specified was invalid.");
        if (!etag.Trim('"').Equals(Convert.ToHexStringLower(digest), StringComparison.Ordinal))
            throw S3ErrorException.BadDigest("The Content-MD5 you specified did not match what we received.");
    }

    private static ChecksumAlgorithm? AlgorithmFrom(S3Call call)
    {
        if (call.Header("x-amz-sdk-checksum-algorithm") is { } name)
        {
            return ChecksumAlgorithm.FromName(name)
                ?? throw S3ErrorException.InvalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }
        if (ChecksumAlgorithm.All.FirstOrDefault(a => call.Header(a.HeaderName) is not null) is { } fromHeader)
            return fromHeader;
        return call.Header("x-amz-trailer") is { } trailer ? ChecksumAlgorithm.FromHeaderName(trailer.Trim()) : null;
    }
}
