namespace Chalice.Deploy.Aws.Signing;

/// <summary>The outcome of signing a request, with every intermediate string so tests can compare them.</summary>
/// <param name="CanonicalRequest">The canonical request (task 1 of the SigV4 algorithm).</param>
/// <param name="StringToSign">The string to sign (task 2).</param>
/// <param name="Signature">The lower-case hex signature (task 3).</param>
/// <param name="Authorization">The complete <c>Authorization</c> header value.</param>
/// <param name="SignedHeaders">The <c>;</c>-joined lower-case names of the signed headers.</param>
/// <param name="HeadersToSet">
/// Headers the request must carry as signed, in this order: <c>X-Amz-Date</c>, then <c>X-Amz-Security-Token</c> and
/// <c>X-Amz-Content-Sha256</c> when they apply, then <c>Authorization</c>. Each replaces any header of the same name.
/// </param>
internal sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string Authorization,
    string SignedHeaders,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToSet);
