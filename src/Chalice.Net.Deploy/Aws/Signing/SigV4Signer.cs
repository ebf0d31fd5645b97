using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Chalice.Deploy.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 with the signature in the <c>Authorization</c> header. <see cref="Sign"/> is a pure
/// function of its inputs (checked against the AWS SigV4 test suite); <see cref="SignAsync"/> applies it to an
/// <see cref="HttpRequestMessage"/> just before it is sent.
/// </summary>
internal sealed class SigV4Signer(SigV4Options? options = null)
{
    /// <summary>The algorithm name that starts the string to sign and the <c>Authorization</c> header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The payload hash S3 accepts in place of a real one.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private const string DateHeader = "X-Amz-Date";
    private const string SecurityTokenHeader = "X-Amz-Security-Token";
    private const string ContentSha256Header = "X-Amz-Content-SHA256";
    private const string AuthorizationHeader = "Authorization";

    // Hop-by-hop headers and ones that proxies, HttpClient or X-Ray may add or rewrite after signing.
    private static readonly HashSet<string> s_unsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "connection", "content-length", "expect", "keep-alive", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    /// <summary>The options this signer applies.</summary>
    public SigV4Options Options { get; } = options ?? SigV4Options.Default;

    /// <summary>The lower-case hex SHA-256 of a payload, as the canonical request's last line wants it.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>Signs <paramref name="request"/> for <paramref name="service"/> in <paramref name="region"/> at <paramref name="time"/>.</summary>
    public SigV4Signature Sign(SignableRequest request, AwsCredentials credentials, string region, string service, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{region}/{service}/aws4_request";
        var payloadHash = Options.UnsignedPayload ? UnsignedPayload : request.PayloadSha256;

        var setBeforeSigning = new List<KeyValuePair<string, string>> { new(DateHeader, amzDate) };
        var setAfterSigning = new List<KeyValuePair<string, string>>();
        if (credentials.SessionToken is { Length: > 0 } token)
            (Options.SignSessionToken ? setBeforeSigning : setAfterSigning).Add(new(SecurityTokenHeader, token));
        if (Options.AddContentSha256Header)
            setBeforeSigning.Add(new(ContentSha256Header, payloadHash));

        var replaced = setBeforeSigning.Concat(setAfterSigning).Select(static h => h.Key).Append(AuthorizationHeader)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var signedHeaders = request.Headers.Where(h => !replaced.Contains(h.Key)).Concat(setBeforeSigning);
        var (headerBlock, signedHeaderNames) = CanonicalRequest.Headers(signedHeaders);

        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalRequest.Uri(request.Path, Options),
            CanonicalRequest.Query(request.Query),
            headerBlock,
            signedHeaderNames,
            payloadHash);
        var stringToSign = string.Join('\n',
            Algorithm,
            amzDate,
            scope,
            HashPayload(Encoding.UTF8.GetBytes(canonicalRequest)));
        var signingKey = DeriveSigningKey(credentials.SecretAccessKey, utc, region, service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization =
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaderNames}, Signature={signature}";

        var headersToSet = setBeforeSigning.Concat(setAfterSigning).Append(new(AuthorizationHeader, authorization)).ToArray();
        return new SigV4Signature(canonicalRequest, stringToSign, signature, authorization, signedHeaderNames, headersToSet);
    }

    /// <summary>
    /// Signs an outgoing request in place: pins the <c>Host</c> header to the URI's authority, hashes the buffered
    /// body, signs every header except hop-by-hop ones and <c>User-Agent</c>, and sets the SigV4 headers.
    /// </summary>
    public async Task<SigV4Signature> SignAsync(
        HttpRequestMessage request, AwsCredentials credentials, string region, string service, DateTimeOffset time,
        CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no RequestUri.", nameof(request));
        if (!uri.IsAbsoluteUri)
            throw new ArgumentException("The request URI must be absolute to be signed.", nameof(request));

        request.Headers.Host ??= uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var headers = new List<KeyValuePair<string, string>>();
        AddSignable(headers, request.Headers.NonValidated);
        if (request.Content is not null)
            AddSignable(headers, request.Content.Headers.NonValidated);

        var signable = new SignableRequest(
            request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, HashPayload(body));
        var signature = Sign(signable, credentials, region, service, time);
        foreach (var (name, value) in signature.HeadersToSet)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return signature;
    }

    private static void AddSignable(List<KeyValuePair<string, string>> headers, HttpHeadersNonValidated source)
    {
        foreach (var (name, values) in source)
        {
            // HttpClient writes a multi-valued header as one line joined by its separator: sign that line.
            if (!s_unsignedHeaders.Contains(name))
                headers.Add(new(name, values.ToString()));
        }
    }

    private static byte[] DeriveSigningKey(string secretAccessKey, DateTime utc, string region, string service)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture), region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return key;
    }
}
