using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Project.LocalTokens;

/// <summary>Why a token is refused (API Gateway's reasons, in the order it checks them).</summary>
internal enum TokenProblem
{
    /// <summary>Not three base64url parts of JSON, or too long to be a header's value.</summary>
    Malformed,

    /// <summary>An algorithm other than RS256 (<c>none</c>, HS256 with the public key as secret, ...).</summary>
    UnsupportedAlgorithm,

    /// <summary>A <c>kid</c> that is not the issuer's key.</summary>
    UnknownKey,

    /// <summary>The signature does not verify.</summary>
    BadSignature,

    /// <summary><c>exp</c> is missing or past.</summary>
    Expired,

    /// <summary><c>nbf</c> or <c>iat</c> is in the future.</summary>
    NotYetValid,

    /// <summary><c>iss</c> is not the authorizer's issuer.</summary>
    WrongIssuer,

    /// <summary>Neither <c>aud</c> (nor, without one, <c>client_id</c>) is an accepted audience.</summary>
    WrongAudience,

    /// <summary>A Cognito token that is not an ID token (<c>token_use</c>).</summary>
    WrongTokenUse,
}

/// <summary>
/// JSON Web Tokens signed with RS256 (RFC 7515's compact form, RFC 7518's RSASSA-PKCS1-v1_5 with SHA-256), written and
/// checked with System.Security.Cryptography and System.Text.Json. Hand-written because no JWT package is available to
/// this build (System.IdentityModel.Tokens.Jwt and Microsoft.IdentityModel.* are not in its package source), and the
/// gateway needs only this one algorithm: API Gateway's JWT authorizers accept RSA signatures only
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html, "Currently, only
/// RSA-based algorithms are supported"), and Cognito signs with RS256.
/// </summary>
internal static class JsonWebToken
{
    public const string Algorithm = "RS256";

    /// <summary>
    /// The longest token read: API Gateway refuses a request whose header values exceed 10,240 bytes in all
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html), so a longer token never reaches an
    /// authorizer; checking the length first also bounds the work a hostile token can cause.
    /// </summary>
    public const int MaxLength = 10_240;

    /// <summary>Signs <paramref name="payload"/> with <paramref name="key"/>.</summary>
    public static string Sign(JsonObject payload, LocalSigningKey key)
    {
        var header = new JsonObject { ["kid"] = key.KeyId, ["alg"] = Algorithm };
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                           Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Reads a token signed by <paramref name="key"/> and valid at <paramref name="now"/>: its claims, or why it is
    /// refused. Never throws for what a client sends.
    /// </summary>
    public static (JsonObject? Claims, TokenProblem? Problem, string? Algorithm) Verify(string token, LocalSigningKey key, DateTimeOffset now)
    {
        if (token.Length > MaxLength)
            return (null, TokenProblem.Malformed, null);
        var parts = token.Split('.');
        if (parts.Length != 3 || ReadObject(parts[0]) is not { } header)
            return (null, TokenProblem.Malformed, null);
        var algorithm = header["alg"] is JsonValue alg && alg.TryGetValue(out string? name) ? name : null;
        // The algorithm is the token's claim about itself: anything but RS256 is refused before the key is used, so
        // that neither "none" nor HS256 keyed with the public key can pass.
        if (algorithm != Algorithm)
            return (null, TokenProblem.UnsupportedAlgorithm, algorithm);
        if (header["kid"] is not JsonValue kid || !kid.TryGetValue(out string? keyId) || keyId != key.KeyId)
            return (null, TokenProblem.UnknownKey, algorithm);
        var signature = Decode(parts[2]);
        if (signature is null
            || !key.Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            return (null, TokenProblem.BadSignature, algorithm);
        if (ReadObject(parts[1]) is not { } claims)
            return (null, TokenProblem.Malformed, algorithm);
        var seconds = now.ToUnixTimeSeconds();
        if (NumericDate(claims, "exp") is not { } expires || expires <= seconds)
            return (null, TokenProblem.Expired, algorithm);
        if (NumericDate(claims, "nbf") > seconds || NumericDate(claims, "iat") > seconds)
            return (null, TokenProblem.NotYetValid, algorithm);
        return (claims, null, algorithm);
    }

    private static JsonObject? ReadObject(string part)
    {
        if (Decode(part) is not { } bytes)
            return null;
        try
        {
            var value = JsonNode.Parse(bytes) as JsonObject;
            // JsonObject reads its members lazily: a duplicate name would throw at the first look, outside this try.
            _ = value?.Count;
            return value;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string part)
    {
        if (part.Length == 0 || !Base64Url.IsValid(part))
            return null;
        return Base64Url.DecodeFromChars(part);
    }

    /// <summary>A NumericDate claim (seconds since the epoch), null when absent or not a number.</summary>
    private static long? NumericDate(JsonObject claims, string name) =>
        claims[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double seconds)
            ? (long)Math.Floor(Math.Min(seconds, long.MaxValue / 2d))
            : null;
}
