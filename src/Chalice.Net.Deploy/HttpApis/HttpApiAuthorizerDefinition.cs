using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// A built-in authorizer (<c>[Authorizer]</c>) as an HTTP API's Lambda authorizer
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html): always of type
/// <c>REQUEST</c> (HTTP APIs have no <c>TOKEN</c> type; a token authorizer's header becomes its identity source), the
/// stage's payload format, and IAM policy answers unless the method returns a <c>SimpleAuthResponse</c>
/// (<c>EnableSimpleResponses</c>, payload 2.0 only), as the local gateway reads them (Chalice.Net.Local's
/// GatewayAuthorizers), so that a function that passes locally passes on AWS. The deployer and the templates both build the
/// authorizer from this. A <c>[JwtAuthorizer]</c> is API Gateway's own JWT authorizer instead
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html): no function, no payload
/// format, no cache; only its identity source and <see cref="Jwt"/>, and its routes' authorization type is <c>JWT</c>.
/// </summary>
/// <param name="Name">The app's authorizer name, also the API Gateway authorizer's name.</param>
/// <param name="IdentitySource">The identity sources in HTTP API syntax (<c>$request.header.Authorization</c>).</param>
/// <param name="PayloadFormatVersion">The stage's payload format, <c>2.0</c> or <c>1.0</c>.</param>
/// <param name="TtlSeconds">How long API Gateway caches an answer per identity.</param>
/// <param name="Jwt">A JWT authorizer's issuer and audiences; null for a Lambda authorizer.</param>
/// <param name="SimpleResponses">A Lambda authorizer answers <c>{"isAuthorized": …}</c> instead of an IAM policy.</param>
internal sealed record HttpApiAuthorizerDefinition(
    string Name, IReadOnlyList<string> IdentitySource, string PayloadFormatVersion, int TtlSeconds, HttpApiJwtConfiguration? Jwt = null,
    bool SimpleResponses = false)
{
    /// <summary>The authorizer type of a Lambda authorizer.</summary>
    public const string RequestType = "REQUEST";

    /// <summary>The authorizer type of a JWT authorizer, and the authorization type of its routes.</summary>
    public const string JwtType = "JWT";

    /// <summary>The authorization type of a route with a Lambda authorizer.</summary>
    public const string CustomAuthorization = "CUSTOM";

    /// <summary>The authorization type of an open route.</summary>
    public const string NoAuthorization = "NONE";

    // REST API mapping expressions (how the manifest writes them) and their HTTP API forms
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html#http-api-lambda-authorizer.identity-sources).
    private static readonly (string RestPrefix, string HttpPrefix)[] s_sourcePrefixes =
    [
        ("method.request.header.", "$request.header."),
        ("method.request.querystring.", "$request.querystring."),
        ("stageVariables.", "$stageVariables."),
        ("context.", "$context."),
    ];

    /// <summary>The definition of <paramref name="authorizer"/> on an HTTP API whose routes use <paramref name="payloadFormatVersion"/>.</summary>
    /// <exception cref="InvalidDataException">An identity source HTTP APIs do not have, or simple responses with payload 1.0.</exception>
    public static HttpApiAuthorizerDefinition For(AuthorizerFunctionManifest authorizer, string payloadFormatVersion)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        if (authorizer.SimpleResponses && payloadFormatVersion != "2.0")
        {
            throw new InvalidDataException(
                $"The authorizer '{authorizer.Name}' answers with a SimpleAuthResponse, which HTTP APIs read with payload format 2.0 only; " +
                "this stage's API sends 1.0 (\"api_gateway_type\": \"http\" deploys payload 2.0, or return an AuthResponse).");
        }
        var sources = authorizer.IdentitySources.Select(source => ToHttpApiSource(authorizer.Name, source)).ToList();
        return new HttpApiAuthorizerDefinition(authorizer.Name, sources, payloadFormatVersion, authorizer.TtlSeconds, SimpleResponses: authorizer.SimpleResponses);
    }

    /// <summary>The definition of the JWT authorizer <paramref name="authorizer"/>, reading the token from its header.</summary>
    public static HttpApiAuthorizerDefinition For(JwtAuthorizerManifest authorizer)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        var jwt = new HttpApiJwtConfiguration { Issuer = authorizer.Issuer, Audience = [.. authorizer.Audiences] };
        return new HttpApiAuthorizerDefinition(authorizer.Name, ["$request.header." + authorizer.Header], "", 0, jwt);
    }

    /// <summary>Whether this is a JWT authorizer (no function behind it).</summary>
    public bool IsJwt => Jwt is not null;

    /// <summary>The API Gateway authorizer type: <c>JWT</c> or <c>REQUEST</c>.</summary>
    public string AuthorizerType => IsJwt ? JwtType : RequestType;

    /// <summary>The authorization type of the routes this authorizer guards: <c>JWT</c> or <c>CUSTOM</c>.</summary>
    public string RouteAuthorizationType => IsJwt ? JwtType : CustomAuthorization;

    /// <summary>
    /// Simple responses exist for payload 2.0 only, where they are on or off explicitly; a payload 1.0 authorizer
    /// leaves the member out.
    /// </summary>
    public bool? EnableSimpleResponses => !IsJwt && PayloadFormatVersion == "2.0" ? SimpleResponses : null;

    /// <summary>
    /// The <c>CreateAuthorizer</c>/<c>UpdateAuthorizer</c> request (an empty <paramref name="authorizerId"/> to create);
    /// <paramref name="authorizerUri"/> is null for a JWT authorizer.
    /// </summary>
    public HttpApiAuthorizerRequest Request(string apiId, string authorizerId, string? authorizerUri) => IsJwt
        ? new()
        {
            ApiId = apiId, AuthorizerId = authorizerId, Name = Name, AuthorizerType = JwtType, IdentitySource = IdentitySource, JwtConfiguration = Jwt,
        }
        : new()
        {
            ApiId = apiId,
            AuthorizerId = authorizerId,
            Name = Name,
            AuthorizerType = RequestType,
            AuthorizerUri = authorizerUri,
            AuthorizerPayloadFormatVersion = PayloadFormatVersion,
            AuthorizerResultTtlInSeconds = TtlSeconds,
            EnableSimpleResponses = EnableSimpleResponses,
            IdentitySource = IdentitySource,
        };

    /// <summary>What in <paramref name="existing"/> differs from this definition calling <paramref name="authorizerUri"/>, or null when nothing does.</summary>
    public string? Difference(HttpApiAuthorizer existing, string? authorizerUri)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.AuthorizerType != AuthorizerType)
            return $"the authorizer is of type {existing.AuthorizerType}, not {AuthorizerType}";
        if (Jwt is { } jwt)
            return JwtDifference(existing, jwt);
        if (existing.AuthorizerUri != authorizerUri)
            return "the authorizer calls another function";
        if (existing.AuthorizerPayloadFormatVersion != PayloadFormatVersion)
            return $"the authorizer's payload format is {existing.AuthorizerPayloadFormatVersion}, not {PayloadFormatVersion}";
        if ((existing.AuthorizerResultTtlInSeconds ?? 0) != TtlSeconds)
            return $"the authorizer's TTL is {existing.AuthorizerResultTtlInSeconds ?? 0} s, not {TtlSeconds} s";
        if ((existing.EnableSimpleResponses ?? false) != (EnableSimpleResponses ?? false))
            return SimpleResponses ? "the authorizer expects IAM policies" : "the authorizer expects simple responses";
        if (!(existing.IdentitySource ?? []).SequenceEqual(IdentitySource, StringComparer.Ordinal))
            return "the authorizer's identity sources differ";
        return null;
    }

    private string? JwtDifference(HttpApiAuthorizer existing, HttpApiJwtConfiguration jwt)
    {
        if (existing.JwtConfiguration?.Issuer != jwt.Issuer)
            return "the authorizer trusts another issuer";
        if (!(existing.JwtConfiguration?.Audience ?? []).SequenceEqual(jwt.Audience ?? [], StringComparer.Ordinal))
            return "the authorizer's audiences differ";
        if (!(existing.IdentitySource ?? []).SequenceEqual(IdentitySource, StringComparer.Ordinal))
            return "the authorizer's identity sources differ";
        return null;
    }

    private static string ToHttpApiSource(string authorizer, string source)
    {
        foreach (var (rest, http) in s_sourcePrefixes)
        {
            if (source.StartsWith(rest, StringComparison.Ordinal))
                return http + source[rest.Length..];
        }
        throw new InvalidDataException($"The authorizer '{authorizer}' reads its identity from {source}, which HTTP APIs do not have.");
    }
}
