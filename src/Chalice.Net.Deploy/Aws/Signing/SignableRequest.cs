namespace Chalice.Deploy.Aws.Signing;

/// <summary>
/// The parts of an HTTP request that Signature Version 4 covers, independent of any HTTP library.
/// </summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The request path as it appears in the request line (percent-encoded as sent), starting with <c>/</c>.</param>
/// <param name="Query">The query string as sent, without the leading <c>?</c>; empty when there is none.</param>
/// <param name="Headers">The headers to sign, in request order; a name may repeat. <c>Host</c> must be among them.</param>
/// <param name="PayloadSha256">The lower-case hex SHA-256 of the body (see <see cref="SigV4Signer.HashPayload"/>).</param>
internal sealed record SignableRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadSha256);
