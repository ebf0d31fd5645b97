using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// IAM authorization (<c>AWS_IAM</c>) locally: a request must be signed with Signature Version 4 for
/// <c>execute-api</c> with the local credentials, <c>chalice-local</c> / <c>chalice-local</c> (those the emulator gives
/// the app's SDK when no credentials are configured) or the emulator's own <c>AWS_ACCESS_KEY_ID</c> /
/// <c>AWS_SECRET_ACCESS_KEY</c>. The signature is computed again with the deployer's signer (one owner of SigV4) from
/// the request as it arrived. No IAM policy is evaluated: the local principal may call every route.
/// </summary>
internal sealed class SignatureAuthorizer(TimeProvider time, Func<string, string?> environment)
{
    /// <summary>The local credentials' access key id and secret (<see cref="Chalice.Local.LocalAwsEnvironment.LocalCredential"/>).</summary>
    public const string LocalAccessKey = Chalice.Local.LocalAwsEnvironment.LocalCredential;

    private const string Prefix = SigV4Signer.Algorithm + " ";

    // AWS accepts a signature dated within five minutes of its clock.
    private static readonly TimeSpan s_allowedSkew = TimeSpan.FromMinutes(5);

    public SignatureAuthorizer(TimeProvider time)
        : this(time, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Checks the request's signature; allowed, it passes who signed to <c>requestContext.identity</c>.</summary>
    public AuthorizationOutcome Authorize(GatewayRequest request, string accountId, ApiGatewayType type)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Prefix, StringComparison.Ordinal))
            return SignatureRefusal.MissingToken;

        var parameters = Parameters(authorization[Prefix.Length..], out var malformed);
        if (malformed is not null)
            return SignatureRefusal.Incomplete($"'{malformed}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'.");
        var amzDate = request.Header("X-Amz-Date");
        var missing = new List<string>();
        foreach (var name in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!parameters.ContainsKey(name))
                missing.Add($"Authorization header requires '{name}' parameter.");
        }
        if (amzDate is null)
            missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (missing.Count > 0)
            return SignatureRefusal.Incomplete(string.Join(" ", missing) + $" Authorization={authorization}");

        var scope = parameters["Credential"].Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            return SignatureRefusal.Incomplete("Credential should be scoped to a valid region. ");
        if (scope[3] != "execute-api")
            return SignatureRefusal.Invalid("Credential should be scoped to correct service: 'execute-api'. ");
        var secret = SecretOf(scope[0]);
        if (secret is null)
            return SignatureRefusal.UnknownKey;
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            return SignatureRefusal.Incomplete($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        var now = time.GetUtcNow();
        if (signedAt < now - s_allowedSkew)
            return SignatureRefusal.Invalid($"Signature expired: {amzDate} is now earlier than {Basic(now - s_allowedSkew)} ({Basic(now)} - 5 min.)");
        if (signedAt > now + s_allowedSkew)
            return SignatureRefusal.Invalid($"Signature not yet current: {amzDate} is still later than {Basic(now + s_allowedSkew)} ({Basic(now)} + 5 min.)");

        var signedNames = parameters["SignedHeaders"].Split(';');
        var signedHeaders = request.Headers.Where(h => signedNames.Contains(h.Key.ToLowerInvariant(), StringComparer.Ordinal)).ToList();
        var signable = new SignableRequest(request.Method, request.Path, request.QueryString, signedHeaders, SigV4Signer.HashPayload(request.Body.Span));
        var expected = new SigV4Signer().Sign(signable, new AwsCredentials(scope[0], secret), scope[2], scope[3], signedAt);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Signature), Encoding.ASCII.GetBytes(parameters["Signature"])))
        {
            // API Gateway says what it signed, so a client can find its mistake (https://github.com/mhart/aws4/issues/33).
            return SignatureRefusal.Invalid(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing " +
                "method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'" +
                expected.CanonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + expected.StringToSign + "'\n");
        }
        return Allowed(scope[0], accountId, type);
    }

    /// <summary>
    /// Who signed, where API Gateway puts it: a REST API's <c>requestContext.identity</c> (shared/fixtures/events/apigw-request.json:
    /// <c>accessKey</c>, <c>accountId</c>, <c>caller</c>, <c>user</c>, <c>userArn</c>), an HTTP API's
    /// <c>requestContext.authorizer.iam</c> (apigw-v2-request-iam.json). Locally the principal behind the key is not
    /// known; it is the account's <c>chalice-local</c> user.
    /// </summary>
    private static AuthorizationOutcome Allowed(string accessKey, string accountId, ApiGatewayType type)
    {
        var userArn = $"arn:aws:iam::{accountId}:user/{LocalAccessKey}";
        if (type == ApiGatewayType.HttpPayloadV2)
        {
            var iam = new JsonObject
            {
                ["accessKey"] = accessKey, ["accountId"] = accountId, ["callerId"] = accessKey, ["cognitoIdentity"] = null,
                ["principalOrgId"] = null, ["userArn"] = userArn, ["userId"] = accessKey,
            };
            return new AuthorizationOutcome(AuthorizationVerdict.Allowed, new JsonObject { ["iam"] = iam });
        }
        return new AuthorizationOutcome(AuthorizationVerdict.Allowed)
        {
            Identity = new JsonObject { ["accessKey"] = accessKey, ["accountId"] = accountId, ["caller"] = accessKey, ["user"] = accessKey, ["userArn"] = userArn },
        };
    }

    private string? SecretOf(string accessKey)
    {
        if (accessKey == LocalAccessKey)
            return LocalAccessKey;
        return environment("AWS_ACCESS_KEY_ID") == accessKey ? environment("AWS_SECRET_ACCESS_KEY") : null;
    }

    /// <summary>The <c>Name=value</c> pairs after the algorithm, split on commas; the first piece without <c>=</c> is returned in <paramref name="malformed"/>.</summary>
    private static Dictionary<string, string> Parameters(string text, out string? malformed)
    {
        malformed = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                malformed = piece;
                return parameters;
            }
            parameters[piece[..equals]] = piece[(equals + 1)..];
        }
        return parameters;
    }

    private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
