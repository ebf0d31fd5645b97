using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.ApiGatewayV2;
using Chalice.Deploy.Manifest;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// A <c>[JwtAuthorizer]</c>: API Gateway's own JWT authorizer
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html): no function, no payload
/// format, no cache; the token's header as its identity source, the issuer and audiences the token must name, and its
/// routes' authorization type is <c>JWT</c>.
/// </summary>
/// <param name="Name">The app's authorizer name.</param>
/// <param name="IdentitySource">The token's header, <c>$request.header.{Header}</c>.</param>
/// <param name="Configuration">The issuer and audiences.</param>
internal sealed record HttpApiJwtAuthorizer(string Name, IReadOnlyList<string> IdentitySource, HttpApiJwtConfiguration Configuration)
    : HttpApiAuthorizerDefinition(Name, IdentitySource)
{
    /// <summary>The authorizer type of a JWT authorizer, and the authorization type of its routes.</summary>
    public const string JwtType = "JWT";

    /// <summary>The definition of the JWT authorizer <paramref name="authorizer"/>, reading the token from its header.</summary>
    public static HttpApiJwtAuthorizer For(JwtAuthorizerManifest authorizer)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return new HttpApiJwtAuthorizer(
            authorizer.Name, ["$request.header." + authorizer.Header], new HttpApiJwtConfiguration { Issuer = authorizer.Issuer, Audience = [.. authorizer.Audiences] });
    }

    /// <inheritdoc/>
    public override string AuthorizerType => JwtType;

    /// <inheritdoc/>
    public override string RouteAuthorizationType => JwtType;

    /// <inheritdoc/>
    public override HttpApiAuthorizerRequest Request(string apiId, string authorizerId, string? authorizerUri) => new()
    {
        ApiId = apiId, AuthorizerId = authorizerId, Name = Name, AuthorizerType = JwtType, IdentitySource = IdentitySource, JwtConfiguration = Configuration,
    };

    /// <summary>
    /// CloudFormation's JWT authorizer (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-authorizer.html):
    /// the token's header and the issuer and audiences it must name; no function.
    /// </summary>
    public override JsonObject CloudFormationProperties(JsonNode apiId, IReadOnlyDictionary<string, string> functionIds) => new()
    {
        ["ApiId"] = apiId,
        ["Name"] = Name,
        ["AuthorizerType"] = JwtType,
        ["IdentitySource"] = IdentitySourceList(),
        ["JwtConfiguration"] = new JsonObject { ["Issuer"] = Configuration.Issuer, ["Audience"] = Audiences() },
    };

    /// <summary>
    /// SAM's OAuth2Authorizer (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-oauth2authorizer.html):
    /// one identity source as a string, and <c>JwtConfiguration</c> with lower-case <c>issuer</c> and <c>audience</c>.
    /// </summary>
    public override JsonObject SamAuthorizer(IReadOnlyDictionary<string, string> functionIds) => new()
    {
        ["IdentitySource"] = IdentitySource.Single(),
        ["JwtConfiguration"] = new JsonObject { ["issuer"] = Configuration.Issuer, ["audience"] = Audiences() },
    };

    /// <inheritdoc/>
    protected override string? SettingsDifference(HttpApiAuthorizer existing, string? authorizerUri)
    {
        if (existing.JwtConfiguration?.Issuer != Configuration.Issuer)
            return "the authorizer trusts another issuer";
        if (!(existing.JwtConfiguration?.Audience ?? []).SequenceEqual(Configuration.Audience ?? [], StringComparer.Ordinal))
            return "the authorizer's audiences differ";
        return null;
    }

    private JsonArray Audiences() => new([.. (Configuration.Audience ?? []).Select(a => (JsonNode)a)]);
}
