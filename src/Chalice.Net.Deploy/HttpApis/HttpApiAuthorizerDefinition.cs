using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.ApiGatewayV2;

namespace Chalice.Deploy.HttpApis;

/// <summary>
/// An authorizer of an HTTP API, as the deployer and the templates both build it: a Lambda authorizer
/// (<see cref="HttpApiLambdaAuthorizer"/>: the app's <c>[Authorizer]</c> methods and <c>[CustomAuthorizer]</c>s) or
/// API Gateway's own JWT authorizer (<see cref="HttpApiJwtAuthorizer"/>). Each kind knows its request, how an existing
/// authorizer differs from it, and its template resource, so that nothing else asks which kind it is.
/// </summary>
/// <param name="Name">The app's authorizer name, also the API Gateway authorizer's name.</param>
/// <param name="IdentitySource">The identity sources in HTTP API syntax (<c>$request.header.Authorization</c>).</param>
internal abstract record HttpApiAuthorizerDefinition(string Name, IReadOnlyList<string> IdentitySource)
{
    /// <summary>The authorization type of a route with a Lambda authorizer.</summary>
    public const string CustomAuthorization = "CUSTOM";

    /// <summary>The authorization type of an open route.</summary>
    public const string NoAuthorization = "NONE";

    /// <summary>The API Gateway authorizer type: <c>REQUEST</c> or <c>JWT</c>.</summary>
    public abstract string AuthorizerType { get; }

    /// <summary>The authorization type of the routes this authorizer guards: <c>CUSTOM</c> or <c>JWT</c>.</summary>
    public abstract string RouteAuthorizationType { get; }

    /// <summary>
    /// The <c>CreateAuthorizer</c>/<c>UpdateAuthorizer</c> request (an empty <paramref name="authorizerId"/> to create);
    /// <paramref name="authorizerUri"/> is the function's invocation URI, null for an authorizer that calls none.
    /// </summary>
    public abstract HttpApiAuthorizerRequest Request(string apiId, string authorizerId, string? authorizerUri);

    /// <summary>What in <paramref name="existing"/> differs from this definition calling <paramref name="authorizerUri"/>, or null when nothing does.</summary>
    public string? Difference(HttpApiAuthorizer existing, string? authorizerUri)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.AuthorizerType != AuthorizerType)
            return $"the authorizer is of type {existing.AuthorizerType}, not {AuthorizerType}";
        return SettingsDifference(existing, authorizerUri)
               ?? ((existing.IdentitySource ?? []).SequenceEqual(IdentitySource, StringComparer.Ordinal) ? null : "the authorizer's identity sources differ");
    }

    /// <summary>The <c>AWS::ApiGatewayV2::Authorizer</c>'s properties in the API <paramref name="apiId"/>.</summary>
    /// <param name="apiId">The API, a template expression.</param>
    /// <param name="functionIds">The logical id of each of the app's authorizer functions, by its name.</param>
    public abstract JsonObject CloudFormationProperties(JsonNode apiId, IReadOnlyDictionary<string, string> functionIds);

    /// <summary>The authorizer in the <c>AWS::Serverless::HttpApi</c>'s <c>Auth.Authorizers</c>.</summary>
    /// <param name="functionIds">The logical id of each of the app's authorizer functions, by its name.</param>
    public abstract JsonObject SamAuthorizer(IReadOnlyDictionary<string, string> functionIds);

    /// <summary>What of the kind's own settings in <paramref name="existing"/> (of the same type) differs, or null.</summary>
    protected abstract string? SettingsDifference(HttpApiAuthorizer existing, string? authorizerUri);

    /// <summary>The identity sources as a template list.</summary>
    protected JsonArray IdentitySourceList() => new([.. IdentitySource.Select(s => (JsonNode)s)]);
}
