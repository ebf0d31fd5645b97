using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Chalice.Project.LocalTokens;

/// <summary>
/// Who the local tokens of an authorizer say issued them, and the claims they carry: for a Cognito user pool, an ID
/// token as Cognito writes one (<c>sub</c>, <c>cognito:username</c>, <c>cognito:groups</c>, <c>token_use: id</c>,
/// <c>aud</c> the app client, <c>iss</c> the pool's issuer URL,
/// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html); for a
/// JWT authorizer, a token of its issuer for its first audience. <c>chalice-net token</c>, the test client and the
/// gateway's checks all take the issuer and audience from here.
/// </summary>
internal sealed record LocalTokenIssuer(string Issuer, string Audience, bool IsCognito)
{
    /// <summary>The app client id local Cognito tokens are for (Cognito's client ids are 26 lower-case letters and digits).</summary>
    public const string LocalClientId = "chalicenetlocalclient00000";

    /// <summary>A pool's issuer URL from its ARN (<c>arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID</c>).</summary>
    public static string CognitoIssuer(string userPoolArn)
    {
        var parts = userPoolArn.Split(':');
        var poolId = parts.Length == 6 && parts[5].StartsWith("userpool/", StringComparison.Ordinal) ? parts[5]["userpool/".Length..] : null;
        if (poolId is null)
            throw new ArgumentException($"'{userPoolArn}' is not a Cognito user pool's ARN.", nameof(userPoolArn));
        var domain = parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        return $"https://cognito-idp.{parts[3]}.{domain}/{poolId}";
    }

    /// <summary>Tokens of a user pool authorizer's first pool.</summary>
    public static LocalTokenIssuer ForCognito(IReadOnlyList<string> providerArns) => new(CognitoIssuer(providerArns[0]), LocalClientId, IsCognito: true);

    /// <summary>Tokens of a JWT authorizer's issuer; Cognito-shaped when the issuer is a user pool.</summary>
    public static LocalTokenIssuer ForJwt(string issuer, IReadOnlyList<string> audiences) =>
        new(issuer, audiences[0], IsCognito: issuer.StartsWith("https://cognito-idp.", StringComparison.Ordinal));

    /// <summary>
    /// A token for <paramref name="user"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.
    /// <paramref name="claims"/> are added last and win, so a test can also make a token with a wrong issuer or audience.
    /// </summary>
    public string Issue(
        LocalSigningKey key, string user, IReadOnlyList<string> groups, IReadOnlyList<KeyValuePair<string, string>> claims, TimeSpan lifetime,
        DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var payload = new JsonObject { ["sub"] = IsCognito ? StableUuid(Issuer + "\n" + user) : user };
        if (groups.Count > 0)
            payload[IsCognito ? "cognito:groups" : "groups"] = new JsonArray([.. groups.Select(g => (JsonNode)g)]);
        payload["iss"] = Issuer;
        if (IsCognito)
            payload["cognito:username"] = user;
        payload["aud"] = Audience;
        if (IsCognito)
            payload["token_use"] = "id";
        payload["auth_time"] = issuedAt;
        payload["exp"] = issuedAt + (long)lifetime.TotalSeconds;
        payload["iat"] = issuedAt;
        payload["jti"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in claims)
            payload[name] = ClaimValue(value);
        return JsonWebToken.Sign(payload, key);
    }

    /// <summary>A <c>--claim</c> value: an integer or a boolean as such (so that <c>exp=0</c> is a date), else a string.</summary>
    private static JsonNode ClaimValue(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
        : value is "true" or "false" ? value == "true"
        : value;

    /// <summary>The same user of the same pool always has the same <c>sub</c>, a UUID as Cognito's are.</summary>
    private static string StableUuid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
