namespace Chalice.Deploy.Aws.ApiGatewayV2;

/// <summary>The Amazon API Gateway v2 (HTTP API) control-plane operations the deployer uses.</summary>
internal interface IApiGatewayV2Api
{
    /// <summary>Every HTTP and WebSocket API in the region (all pages).</summary>
    Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken = default);

    /// <summary>One API, or null when it does not exist.</summary>
    Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an API. Never replayed once the request may have reached AWS: such failures carry
    /// <see cref="AwsServiceException.MayHaveSucceeded"/>, and the caller looks the API up by name first.
    /// </summary>
    Task<HttpApi> CreateApiAsync(CreateHttpApiRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the members set in <paramref name="request"/>.</summary>
    Task<HttpApi> UpdateApiAsync(UpdateHttpApiRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an API's CORS configuration.</summary>
    Task DeleteCorsConfigurationAsync(string apiId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an API with its routes, integrations and stages.</summary>
    Task DeleteApiAsync(string apiId, CancellationToken cancellationToken = default);

    /// <summary>An API's integrations (all pages).</summary>
    Task<IReadOnlyList<HttpApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken = default);

    /// <summary>Creates an integration; like <see cref="CreateApiAsync"/>, never replayed blindly.</summary>
    Task<HttpApiIntegration> CreateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes an integration (<see cref="HttpApiIntegrationRequest.IntegrationId"/>).</summary>
    Task<HttpApiIntegration> UpdateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an integration no route targets.</summary>
    Task DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken = default);

    /// <summary>An API's routes (all pages).</summary>
    Task<IReadOnlyList<HttpApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken = default);

    /// <summary>Creates a route.</summary>
    Task<HttpApiRoute> CreateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a route (<see cref="HttpApiRouteRequest.RouteId"/>).</summary>
    Task<HttpApiRoute> UpdateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a route.</summary>
    Task DeleteRouteAsync(string apiId, string routeId, CancellationToken cancellationToken = default);

    /// <summary>One authorizer, or null when it does not exist.</summary>
    Task<HttpApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default);

    /// <summary>Creates an authorizer; like <see cref="CreateApiAsync"/>, never replayed blindly.</summary>
    Task<HttpApiAuthorizer> CreateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes an authorizer (<see cref="HttpApiAuthorizerRequest.AuthorizerId"/>).</summary>
    Task<HttpApiAuthorizer> UpdateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an authorizer no route uses.</summary>
    Task DeleteAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default);

    /// <summary>One stage, or null when it does not exist.</summary>
    Task<HttpApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken = default);

    /// <summary>Creates a stage.</summary>
    Task<HttpApiStage> CreateStageAsync(HttpApiStageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Turns a stage's automatic deployment on or off.</summary>
    Task<HttpApiStage> UpdateStageAsync(string apiId, string stageName, bool autoDeploy, CancellationToken cancellationToken = default);

    /// <summary>A custom domain name, or null when it does not exist.</summary>
    Task<HttpApiDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Creates a custom domain name.</summary>
    Task<HttpApiDomainName> CreateDomainNameAsync(CreateHttpApiDomainNameRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a custom domain name.</summary>
    Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Every API mapping of a domain (all pages).</summary>
    Task<IReadOnlyList<ApiMapping>> GetApiMappingsAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Maps a key (base path) of a domain to an API's stage.</summary>
    Task<ApiMapping> CreateApiMappingAsync(CreateApiMappingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an API mapping.</summary>
    Task DeleteApiMappingAsync(string domainName, string apiMappingId, CancellationToken cancellationToken = default);
}
