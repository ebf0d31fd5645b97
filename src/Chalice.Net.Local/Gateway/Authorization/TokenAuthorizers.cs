using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Hosting;
using Chalice.Project.LocalTokens;

namespace Chalice.Gateway.Authorization;

/// <summary>
/// The gateway's checks of a Cognito user pool authorizer (REST APIs) and a JWT authorizer (HTTP APIs), with the local
/// signing key standing in for the pool's or issuer's published keys. Each failure is API Gateway's answer: a missing
/// token 401, any refused token 401 (a REST API says when it expired, an HTTP API says why in
/// <c>www-authenticate</c>: <see cref="GatewayErrors.InvalidToken"/>); a valid one passes its claims to the handler as
/// API Gateway does.
/// </summary>
internal sealed class TokenAuthorizers(LocalSigningKey key, TimeProvider time)
{
    /// <summary>Who issues the tokens of a declared Cognito user pool or JWT authorizer.</summary>
    /// <exception cref="ArgumentException">The authorizer is of another kind, which takes no token.</exception>
    /// <summary>Whether <paramref name="authorizers"/> has one that takes tokens, and so needs a key to check them with.</summary>
    public static bool AnyIn(IEnumerable<ApiAuthorizerDefinition> authorizers) =>
        authorizers.Any(a => a is CognitoUserPoolAuthorizerDefinition or JwtAuthorizerDefinition);

    public static LocalTokenIssuer IssuerOf(ApiAuthorizerDefinition authorizer) => authorizer switch
    {
        CognitoUserPoolAuthorizerDefinition cognito => LocalTokenIssuer.ForCognito(cognito.ProviderArns),
        JwtAuthorizerDefinition jwt => LocalTokenIssuer.ForJwt(jwt.Issuer, jwt.Audiences),
        _ => throw new ArgumentException(
            $"The authorizer '{authorizer.Name}' is not a Cognito user pool or JWT authorizer; only those take tokens.", nameof(authorizer)),
    };

    /// <summary>The key the gateway verifies tokens with.</summary>
    public LocalSigningKey Key { get; } = key;

    /// <summary>
    /// A Cognito user pool authorizer: the token is the header's whole value, an ID token of one of the pools. Its
    /// claims reach the handler as <c>requestContext.authorizer.claims</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html); no
    /// OAuth scopes are configured on Chalice.Net's routes, so API Gateway takes ID tokens only
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html).
    /// </summary>
    public AuthorizationOutcome Authorize(CognitoUserPoolAuthorizerDefinition authorizer, GatewayRequest request)
    {
        if (request.Header(authorizer.Header) is not { Length: > 0 } token)
            return AuthorizationOutcome.Of(AuthorizationVerdict.Unauthorized);
        var (claims, problem, algorithm) = JsonWebToken.Verify(token, Key, time.GetUtcNow());
        if (claims is null)
            return AuthorizationOutcome.Refused(problem!.Value, algorithm);
        var issuers = authorizer.ProviderArns.Select(LocalTokenIssuer.CognitoIssuer);
        if (!issuers.Contains(StringClaim(claims, "iss"), StringComparer.Ordinal))
            return AuthorizationOutcome.Refused(TokenProblem.WrongIssuer, algorithm);
        if (StringClaim(claims, "token_use") != "id")
            return AuthorizationOutcome.Refused(TokenProblem.WrongTokenUse, algorithm);
        return new AuthorizationOutcome(AuthorizationVerdict.Allowed, new JsonObject { ["claims"] = ClaimStrings(claims) });
    }

    /// <summary>
    /// A JWT authorizer, as https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
    /// describes its workflow: the token alone or after <c>Bearer </c>; RSA signature; <c>iss</c> the issuer;
    /// <c>aud</c>, or without one <c>client_id</c>, one of the audiences; <c>exp</c>, <c>nbf</c>, <c>iat</c>. The claims
    /// and scopes reach the handler as <c>requestContext.authorizer.jwt</c> (shared/fixtures/events/apigw-v2-request-jwt-authorizer.json).
    /// </summary>
    public AuthorizationOutcome Authorize(JwtAuthorizerDefinition authorizer, GatewayRequest request)
    {
        if (request.Header(authorizer.Header) is not { Length: > 0 } value)
            return AuthorizationOutcome.Of(AuthorizationVerdict.Unauthorized);
        var token = value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : value;
        var (claims, problem, algorithm) = JsonWebToken.Verify(token, Key, time.GetUtcNow());
        if (claims is null)
            return AuthorizationOutcome.Refused(problem!.Value, algorithm);
        if (StringClaim(claims, "iss") != authorizer.Issuer)
            return AuthorizationOutcome.Refused(TokenProblem.WrongIssuer, algorithm);
        var audiences = claims.ContainsKey("aud") ? Strings(claims["aud"]) : Strings(claims["client_id"]);
        if (!audiences.Any(a => authorizer.Audiences.Contains(a, StringComparer.Ordinal)))
            return AuthorizationOutcome.Refused(TokenProblem.WrongAudience, algorithm);

        var jwt = new JsonObject { ["claims"] = ClaimStrings(claims) };
        var scopes = StringClaim(claims, "scope") ?? StringClaim(claims, "scp");
        if (scopes is not null)
            jwt["scopes"] = new JsonArray([.. scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode)s)]);
        return new AuthorizationOutcome(AuthorizationVerdict.Allowed, new JsonObject { ["jwt"] = jwt });
    }

    /// <summary>
    /// The claims as API Gateway hands them to the handler: every value a string (shared/fixtures/events/
    /// apigw-v2-request-jwt-authorizer.json), a number as its digits, and a list in brackets with its items separated by
    /// spaces, the form in which public apps' tests of captured events show <c>cognito:groups</c> (<c>"[admin editors]"</c>).
    /// No recorded REST Cognito event is in shared/fixtures to check the list form against.
    /// </summary>
    private static JsonObject ClaimStrings(JsonObject claims)
    {
        var strings = new JsonObject();
        foreach (var (name, value) in claims)
            strings[name] = ClaimString(value);
        return strings;
    }

    private static string ClaimString(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray items => "[" + string.Join(" ", items.Select(ClaimString)) + "]",
        JsonObject => value.ToJsonString(),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number && scalar.TryGetValue(out double number) =>
            number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static string? StringClaim(JsonObject claims, string name) =>
        claims[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonArray items => items.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()),
        _ => [],
    };
}
