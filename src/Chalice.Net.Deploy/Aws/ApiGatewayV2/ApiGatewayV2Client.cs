using System.Text.Json.Serialization.Metadata;
using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.RestPath;

namespace Chalice.Deploy.Aws.ApiGatewayV2;

/// <summary><see cref="IApiGatewayV2Api"/> over API Gateway v2's rest-json protocol (signed as <c>apigateway</c>).</summary>
internal sealed class ApiGatewayV2Client(RestJsonChannel channel) : IApiGatewayV2Api
{
    private static readonly HttpMethod s_patch = HttpMethod.Patch;

    private static ApiGatewayV2JsonContext Json => ApiGatewayV2JsonContext.Default;

    public Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayV2Operations.GetApis, "/v2/apis", Json.ItemsPageHttpApi, cancellationToken);

    public Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.GetApi, HttpMethod.Get, new RestPath($"/v2/apis/{Label(apiId)}"), null, Json.HttpApi,
            cancellationToken).OrNullIfNotFound();

    public Task<HttpApi> CreateApiAsync(CreateHttpApiRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateApi, HttpMethod.Post, new RestPath("/v2/apis"),
            RequestBody.Json(request, Json.CreateHttpApiRequest), Json.HttpApi, cancellationToken);

    public Task<HttpApi> UpdateApiAsync(UpdateHttpApiRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.UpdateApi, s_patch, new RestPath($"/v2/apis/{Label(request.ApiId)}"),
            RequestBody.Json(request, Json.UpdateHttpApiRequest), Json.HttpApi, cancellationToken);

    public Task DeleteCorsConfigurationAsync(string apiId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteCorsConfiguration, HttpMethod.Delete, new RestPath($"/v2/apis/{Label(apiId)}/cors"), null,
            cancellationToken);

    public Task DeleteApiAsync(string apiId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteApi, HttpMethod.Delete, new RestPath($"/v2/apis/{Label(apiId)}"), null, cancellationToken);

    public Task<IReadOnlyList<HttpApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayV2Operations.GetIntegrations, $"/v2/apis/{Label(apiId)}/integrations", Json.ItemsPageHttpApiIntegration,
            cancellationToken);

    public Task<HttpApiIntegration> CreateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateIntegration, HttpMethod.Post, new RestPath($"/v2/apis/{Label(request.ApiId)}/integrations"),
            RequestBody.Json(request, Json.HttpApiIntegrationRequest), Json.HttpApiIntegration, cancellationToken);

    public Task<HttpApiIntegration> UpdateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.UpdateIntegration, s_patch,
            new RestPath($"/v2/apis/{Label(request.ApiId)}/integrations/{Label(request.IntegrationId)}"),
            RequestBody.Json(request, Json.HttpApiIntegrationRequest), Json.HttpApiIntegration, cancellationToken);

    public Task DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteIntegration, HttpMethod.Delete,
            new RestPath($"/v2/apis/{Label(apiId)}/integrations/{Label(integrationId)}"), null, cancellationToken);

    public Task<IReadOnlyList<HttpApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayV2Operations.GetRoutes, $"/v2/apis/{Label(apiId)}/routes", Json.ItemsPageHttpApiRoute, cancellationToken);

    public Task<HttpApiRoute> CreateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateRoute, HttpMethod.Post, new RestPath($"/v2/apis/{Label(request.ApiId)}/routes"),
            RequestBody.Json(request, Json.HttpApiRouteRequest), Json.HttpApiRoute, cancellationToken);

    public Task<HttpApiRoute> UpdateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.UpdateRoute, s_patch,
            new RestPath($"/v2/apis/{Label(request.ApiId)}/routes/{Label(request.RouteId)}"),
            RequestBody.Json(request, Json.HttpApiRouteRequest), Json.HttpApiRoute, cancellationToken);

    public Task DeleteRouteAsync(string apiId, string routeId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteRoute, HttpMethod.Delete, new RestPath($"/v2/apis/{Label(apiId)}/routes/{Label(routeId)}"),
            null, cancellationToken);

    public Task<HttpApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.GetAuthorizer, HttpMethod.Get,
            new RestPath($"/v2/apis/{Label(apiId)}/authorizers/{Label(authorizerId)}"), null, Json.HttpApiAuthorizer, cancellationToken).OrNullIfNotFound();

    public Task<HttpApiAuthorizer> CreateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateAuthorizer, HttpMethod.Post, new RestPath($"/v2/apis/{Label(request.ApiId)}/authorizers"),
            RequestBody.Json(request, Json.HttpApiAuthorizerRequest), Json.HttpApiAuthorizer, cancellationToken);

    public Task<HttpApiAuthorizer> UpdateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.UpdateAuthorizer, s_patch,
            new RestPath($"/v2/apis/{Label(request.ApiId)}/authorizers/{Label(request.AuthorizerId)}"),
            RequestBody.Json(request, Json.HttpApiAuthorizerRequest), Json.HttpApiAuthorizer, cancellationToken);

    public Task DeleteAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteAuthorizer, HttpMethod.Delete,
            new RestPath($"/v2/apis/{Label(apiId)}/authorizers/{Label(authorizerId)}"), null, cancellationToken);

    public Task<HttpApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.GetStage, HttpMethod.Get, new RestPath($"/v2/apis/{Label(apiId)}/stages/{Label(stageName)}"),
            null, Json.HttpApiStage, cancellationToken).OrNullIfNotFound();

    public Task<HttpApiStage> CreateStageAsync(HttpApiStageRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateStage, HttpMethod.Post, new RestPath($"/v2/apis/{Label(request.ApiId)}/stages"),
            RequestBody.Json(request, Json.HttpApiStageRequest), Json.HttpApiStage, cancellationToken);

    public Task<HttpApiStage> UpdateStageAsync(string apiId, string stageName, bool autoDeploy, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.UpdateStage, s_patch, new RestPath($"/v2/apis/{Label(apiId)}/stages/{Label(stageName)}"),
            RequestBody.Json(new UpdateStageBody(autoDeploy), Json.UpdateStageBody), Json.HttpApiStage, cancellationToken);

    public Task<HttpApiDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.GetDomainName, HttpMethod.Get, new RestPath($"/v2/domainnames/{Label(domainName)}"), null,
            Json.HttpApiDomainName, cancellationToken).OrNullIfNotFound();

    public Task<HttpApiDomainName> CreateDomainNameAsync(CreateHttpApiDomainNameRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateDomainName, HttpMethod.Post, new RestPath("/v2/domainnames"),
            RequestBody.Json(request, Json.CreateHttpApiDomainNameRequest), Json.HttpApiDomainName, cancellationToken);

    public Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteDomainName, HttpMethod.Delete, new RestPath($"/v2/domainnames/{Label(domainName)}"), null,
            cancellationToken);

    public Task<IReadOnlyList<ApiMapping>> GetApiMappingsAsync(string domainName, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayV2Operations.GetApiMappings, $"/v2/domainnames/{Label(domainName)}/apimappings", Json.ItemsPageApiMapping,
            cancellationToken);

    public Task<ApiMapping> CreateApiMappingAsync(CreateApiMappingRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.CreateApiMapping, HttpMethod.Post,
            new RestPath($"/v2/domainnames/{Label(request.DomainName)}/apimappings"),
            RequestBody.Json(request, Json.CreateApiMappingRequest), Json.ApiMapping, cancellationToken);

    public Task DeleteApiMappingAsync(string domainName, string apiMappingId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayV2Operations.DeleteApiMapping, HttpMethod.Delete,
            new RestPath($"/v2/domainnames/{Label(domainName)}/apimappings/{Label(apiMappingId)}"), null, cancellationToken);

    private async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(
        AwsOperation operation, string path, JsonTypeInfo<ItemsPage<T>> pageType, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await channel.SendAsync(operation, HttpMethod.Get, new RestPath(path).Query("nextToken", token), null, pageType,
                cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            token = page.NextToken is { Length: > 0 } next && next != token ? next : null;
        }
        while (token is not null);
        return items;
    }
}
