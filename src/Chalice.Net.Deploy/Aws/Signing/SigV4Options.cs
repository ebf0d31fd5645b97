namespace Chalice.Deploy.Aws.Signing;

/// <summary>
/// The service-specific switches of Signature Version 4. Every service but S3 uses <see cref="Default"/>; S3 keeps
/// the request path exactly as sent and declares its payload hash in <c>x-amz-content-sha256</c>.
/// </summary>
internal sealed record SigV4Options
{
    /// <summary>The options for IAM, Lambda, API Gateway, STS and every other non-S3 service.</summary>
    public static SigV4Options Default { get; } = new();

    /// <summary>S3: no path normalisation or re-encoding, hashed payload declared in <c>x-amz-content-sha256</c>.</summary>
    public static SigV4Options S3 { get; } = new()
    {
        NormalizePath = false,
        EncodePath = false,
        AddContentSha256Header = true,
    };

    /// <summary>S3 with <c>UNSIGNED-PAYLOAD</c>: the body is not hashed (for large uploads over TLS).</summary>
    public static SigV4Options S3UnsignedPayload { get; } = S3 with { UnsignedPayload = true };

    /// <summary>Remove <c>.</c>/<c>..</c> segments and repeated slashes from the path before encoding it.</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>
    /// URI-encode the request path (as sent on the wire) once more for the canonical request. AWS services other
    /// than S3 expect this, so a <c>%3A</c> in the URL appears as <c>%253A</c> in the canonical request.
    /// </summary>
    public bool EncodePath { get; init; } = true;

    /// <summary>Use the literal <c>UNSIGNED-PAYLOAD</c> instead of the body's SHA-256.</summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>Send the payload hash in an <c>x-amz-content-sha256</c> header (required by S3).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>
    /// Include <c>X-Amz-Security-Token</c> in the signed headers (the norm). When <see langword="false"/> the token
    /// is added after signing, as a few services require (the suite's <c>post-sts-header-after</c> case).
    /// </summary>
    public bool SignSessionToken { get; init; } = true;
}
