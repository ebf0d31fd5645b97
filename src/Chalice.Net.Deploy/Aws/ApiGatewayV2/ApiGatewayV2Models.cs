namespace Chalice.Deploy.Aws.ApiGatewayV2;

// API Gateway v2's wire types, shaped as in its API (shared/fixtures/aws-models/apigatewayv2/2018-11-29/service-2.json);
// JSON member names are the camel-cased property names, as the model's locationNames are. Only the members the
// deployer reads or sets.

/// <summary>An HTTP API (<c>Api</c>).</summary>
internal sealed record HttpApi
{
    /// <summary>The API id.</summary>
    public string ApiId { get; init; } = "";

    /// <summary>The API name.</summary>
    public string? Name { get; init; }

    /// <summary><c>HTTP</c> or <c>WEBSOCKET</c>.</summary>
    public string? ProtocolType { get; init; }

    /// <summary>The default endpoint, <c>https://{apiId}.execute-api.{region}.amazonaws.com</c>.</summary>
    public string? ApiEndpoint { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The API's CORS configuration, or null when it has none.</summary>
    public HttpApiCors? CorsConfiguration { get; init; }

    /// <summary>The API's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>An HTTP API's CORS configuration (<c>Cors</c>): API Gateway answers preflights and adds the headers itself.</summary>
internal sealed record HttpApiCors
{
    /// <summary><c>Access-Control-Allow-Credentials</c>.</summary>
    public bool? AllowCredentials { get; init; }

    /// <summary><c>Access-Control-Allow-Headers</c>.</summary>
    public IReadOnlyList<string>? AllowHeaders { get; init; }

    /// <summary><c>Access-Control-Allow-Methods</c>.</summary>
    public IReadOnlyList<string>? AllowMethods { get; init; }

    /// <summary><c>Access-Control-Allow-Origin</c>.</summary>
    public IReadOnlyList<string>? AllowOrigins { get; init; }

    /// <summary><c>Access-Control-Expose-Headers</c>.</summary>
    public IReadOnlyList<string>? ExposeHeaders { get; init; }

    /// <summary><c>Access-Control-Max-Age</c> in seconds.</summary>
    public int? MaxAge { get; init; }
}

/// <summary>The input of <c>CreateApi</c>.</summary>
internal sealed record CreateHttpApiRequest
{
    /// <summary>The API name.</summary>
    public required string Name { get; init; }

    /// <summary><c>HTTP</c>.</summary>
    public string ProtocolType { get; init; } = "HTTP";

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The CORS configuration, or null for none.</summary>
    public HttpApiCors? CorsConfiguration { get; init; }

    /// <summary>Tags to create the API with.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>The input of <c>UpdateApi</c>: only the members set change.</summary>
internal sealed record UpdateHttpApiRequest
{
    /// <summary>The API (in the URI).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiId { get; init; } = "";

    /// <summary>The new CORS configuration (removing it is <c>DeleteCorsConfiguration</c>).</summary>
    public HttpApiCors? CorsConfiguration { get; init; }

    /// <summary>The new description.</summary>
    public string? Description { get; init; }
}

/// <summary>An integration: where a route sends its requests (<c>Integration</c>).</summary>
internal sealed record HttpApiIntegration
{
    /// <summary>The integration id.</summary>
    public string IntegrationId { get; init; } = "";

    /// <summary><c>AWS_PROXY</c> for a Lambda proxy integration.</summary>
    public string? IntegrationType { get; init; }

    /// <summary>For a Lambda proxy integration, the function's ARN.</summary>
    public string? IntegrationUri { get; init; }

    /// <summary>The Lambda event's format: <c>1.0</c> or <c>2.0</c>.</summary>
    public string? PayloadFormatVersion { get; init; }
}

/// <summary>The input of <c>CreateIntegration</c> and <c>UpdateIntegration</c>.</summary>
internal sealed record HttpApiIntegrationRequest
{
    /// <summary>The API (in the URI).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiId { get; init; } = "";

    /// <summary>The integration to update (in the URI); empty to create one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string IntegrationId { get; init; } = "";

    /// <summary><c>AWS_PROXY</c>.</summary>
    public string IntegrationType { get; init; } = "AWS_PROXY";

    /// <summary>The function's ARN.</summary>
    public required string IntegrationUri { get; init; }

    /// <summary><c>1.0</c> or <c>2.0</c>.</summary>
    public required string PayloadFormatVersion { get; init; }
}

/// <summary>A route: a route key (<c>GET /objects/{key}</c>) and its target (<c>Route</c>).</summary>
internal sealed record HttpApiRoute
{
    /// <summary>The route id.</summary>
    public string RouteId { get; init; } = "";

    /// <summary>The method and path, e.g. <c>GET /objects/{key}</c>.</summary>
    public string RouteKey { get; init; } = "";

    /// <summary><c>integrations/{integrationId}</c>.</summary>
    public string? Target { get; init; }

    /// <summary><c>NONE</c> (or absent) for open access, <c>CUSTOM</c> for a Lambda authorizer.</summary>
    public string? AuthorizationType { get; init; }

    /// <summary>The authorizer of a <c>CUSTOM</c> route.</summary>
    public string? AuthorizerId { get; init; }
}

/// <summary>The input of <c>CreateRoute</c> and <c>UpdateRoute</c>.</summary>
internal sealed record HttpApiRouteRequest
{
    /// <summary>The API (in the URI).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiId { get; init; } = "";

    /// <summary>The route to update (in the URI); empty to create one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string RouteId { get; init; } = "";

    /// <summary>The method and path.</summary>
    public required string RouteKey { get; init; }

    /// <summary><c>integrations/{integrationId}</c>.</summary>
    public required string Target { get; init; }

    /// <summary>
    /// <c>CUSTOM</c> with <see cref="AuthorizerId"/>, or <c>NONE</c>. Always sent: a route updated without it keeps its
    /// authorizer (https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2184), and an authorizer
    /// id sent without it is refused, "Authorizer type is invalid or null" (https://github.com/hashicorp/terraform-provider-aws/pull/35821).
    /// </summary>
    public string AuthorizationType { get; init; } = "NONE";

    /// <summary>The authorizer of a <c>CUSTOM</c> route; null otherwise.</summary>
    public string? AuthorizerId { get; init; }
}

/// <summary>A Lambda authorizer of an HTTP API (<c>Authorizer</c>).</summary>
internal sealed record HttpApiAuthorizer
{
    /// <summary>The authorizer id.</summary>
    public string AuthorizerId { get; init; } = "";

    /// <summary>The authorizer's name, unique in the API by the deployer's convention (the app's authorizer name).</summary>
    public string Name { get; init; } = "";

    /// <summary><c>REQUEST</c> for a Lambda authorizer.</summary>
    public string? AuthorizerType { get; init; }

    /// <summary>The function's invocation URI.</summary>
    public string? AuthorizerUri { get; init; }

    /// <summary>The format of the event the function gets and of its answer: <c>1.0</c> or <c>2.0</c>.</summary>
    public string? AuthorizerPayloadFormatVersion { get; init; }

    /// <summary>How long an answer is cached per identity; 0 turns caching off.</summary>
    public int? AuthorizerResultTtlInSeconds { get; init; }

    /// <summary>Whether the function answers <c>{"isAuthorized": …}</c> instead of an IAM policy (payload 2.0 only).</summary>
    public bool? EnableSimpleResponses { get; init; }

    /// <summary>The identity sources, e.g. <c>$request.header.Authorization</c>.</summary>
    public IReadOnlyList<string>? IdentitySource { get; init; }

    /// <summary>The issuer and audiences of a <c>JWT</c> authorizer; null for a Lambda one.</summary>
    public HttpApiJwtConfiguration? JwtConfiguration { get; init; }
}

/// <summary>
/// A JWT authorizer's <c>JWTConfiguration</c> (/work/shared/fixtures/aws-models/apigatewayv2/2018-11-29/service-2.json):
/// the token's <c>iss</c> must be <c>Issuer</c> and its <c>aud</c> (or <c>client_id</c>) one of <c>Audience</c>.
/// </summary>
internal sealed record HttpApiJwtConfiguration
{
    /// <summary>The identity provider's base URL, e.g. <c>https://cognito-idp.{region}.amazonaws.com/{userPoolId}</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The accepted audiences.</summary>
    public IReadOnlyList<string>? Audience { get; init; }
}

/// <summary>The input of <c>CreateAuthorizer</c> and <c>UpdateAuthorizer</c> (which sets every member again).</summary>
internal sealed record HttpApiAuthorizerRequest
{
    /// <summary>The API (in the URI).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiId { get; init; } = "";

    /// <summary>The authorizer to update (in the URI); empty to create one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string AuthorizerId { get; init; } = "";

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary><c>REQUEST</c> or <c>JWT</c>.</summary>
    public string AuthorizerType { get; init; } = "REQUEST";

    /// <summary>The function's invocation URI; null (absent) for a JWT authorizer, which calls no function.</summary>
    public string? AuthorizerUri { get; init; }

    /// <summary><c>1.0</c> or <c>2.0</c>; null (absent) for a JWT authorizer.</summary>
    public string? AuthorizerPayloadFormatVersion { get; init; }

    /// <summary>The cache's TTL in seconds; null (absent) for a JWT authorizer, which has no cache.</summary>
    public int? AuthorizerResultTtlInSeconds { get; init; }

    /// <summary>A JWT authorizer's issuer and audiences; null (absent) for a Lambda one.</summary>
    public HttpApiJwtConfiguration? JwtConfiguration { get; init; }

    /// <summary>Simple responses; null (absent) for payload 1.0, which does not have them.</summary>
    public bool? EnableSimpleResponses { get; init; }

    /// <summary>The identity sources.</summary>
    public required IReadOnlyList<string> IdentitySource { get; init; }
}

/// <summary>A stage (<c>Stage</c>); an HTTP API's <c>$default</c> stage serves at the root of its endpoint.</summary>
internal sealed record HttpApiStage
{
    /// <summary>The stage name.</summary>
    public string StageName { get; init; } = "";

    /// <summary>Whether every change to the API is deployed to the stage at once.</summary>
    public bool? AutoDeploy { get; init; }

    /// <summary>The stage's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>The input of <c>CreateStage</c> and <c>UpdateStage</c>.</summary>
internal sealed record HttpApiStageRequest
{
    /// <summary>The API (in the URI).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiId { get; init; } = "";

    /// <summary>The stage name (in the URI of <c>UpdateStage</c>, the body of <c>CreateStage</c>).</summary>
    public required string StageName { get; init; }

    /// <summary>Deploy every change at once.</summary>
    public bool? AutoDeploy { get; init; }

    /// <summary>Tags, when the stage is created.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
