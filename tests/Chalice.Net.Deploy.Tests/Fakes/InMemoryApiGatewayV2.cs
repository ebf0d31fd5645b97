using System.Net;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGatewayV2;
using static Chalice.Deploy.Aws.ApiGatewayV2.ApiGatewayV2Operations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// HTTP APIs in memory, answering as moto 5.2.1 does for the operations the deployer uses (InMemoryApiGatewayV2ParityTests):
/// NotFoundException 404 "Invalid API identifier specified {id}" for an unknown API, "Invalid stage identifier
/// specified" for an unknown stage (the error codes of shared/fixtures/aws-models/apigatewayv2/2018-11-29/service-2.json);
/// names are not unique, every API gets a new 8-character id and the endpoint <c>https://{id}.execute-api.{region}.amazonaws.com</c>;
/// UpdateApi replaces the CORS configuration whole; an authorizer keeps the members it was created with as sent
/// (moto stores them as given), UpdateRoute keeps the authorizer id a request leaves out, and deleting an authorizer that
/// does not exist succeeds. An unknown authorizer is "Invalid Authorizer identifier specified {id}".
/// </summary>
internal sealed class InMemoryApiGatewayV2(InMemoryCalls calls, string region) : IApiGatewayV2Api
{
    private readonly List<Api> _apis = [];
    private int _ids;

    /// <summary>The APIs that exist, for assertions.</summary>
    public IReadOnlyList<HttpApi> Apis => [.. _apis.Select(a => a.ToModel())];

    /// <summary>An API's routes, integrations and stages, for assertions.</summary>
    public (IReadOnlyList<HttpApiRoute> Routes, IReadOnlyList<HttpApiIntegration> Integrations, IReadOnlyList<HttpApiStage> Stages) Inspect(string apiId)
    {
        var api = _apis.Single(a => a.ApiId == apiId);
        return ([.. api.Routes], [.. api.Integrations], [.. api.Stages]);
    }

    /// <summary>An API's authorizers, for assertions.</summary>
    public IReadOnlyList<HttpApiAuthorizer> AuthorizersOf(string apiId) => [.. _apis.Single(a => a.ApiId == apiId).Authorizers];

    public Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<HttpApi>>(GetApis, () => [.. _apis.Select(a => a.ToModel())]);

    public Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetApi, () => Find(GetApi, apiId).ToModel());

    public Task<HttpApi> CreateApiAsync(CreateHttpApiRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateApi, () =>
        {
            var api = new Api(NextId(), request.Name, request.ProtocolType, region)
            {
                Description = request.Description,
                Cors = request.CorsConfiguration,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()),
            };
            _apis.Add(api);
            return api.ToModel();
        });

    public Task<HttpApi> UpdateApiAsync(UpdateHttpApiRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateApi, () =>
        {
            var api = Find(UpdateApi, request.ApiId);
            api.Cors = request.CorsConfiguration ?? api.Cors;
            api.Description = request.Description ?? api.Description;
            return api.ToModel();
        });

    public Task DeleteCorsConfigurationAsync(string apiId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteCorsConfiguration, () => Find(DeleteCorsConfiguration, apiId).Cors = null);

    public Task DeleteApiAsync(string apiId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteApi, () => _apis.Remove(Find(DeleteApi, apiId)));

    public Task<IReadOnlyList<HttpApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<HttpApiIntegration>>(GetIntegrations, () => [.. Find(GetIntegrations, apiId).Integrations]);

    public Task<HttpApiIntegration> CreateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateIntegration, () =>
        {
            var integration = new HttpApiIntegration
            {
                IntegrationId = NextId(), IntegrationType = request.IntegrationType, IntegrationUri = request.IntegrationUri,
                PayloadFormatVersion = request.PayloadFormatVersion,
            };
            Find(CreateIntegration, request.ApiId).Integrations.Add(integration);
            return integration;
        });

    public Task<HttpApiIntegration> UpdateIntegrationAsync(HttpApiIntegrationRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateIntegration, () =>
        {
            var integrations = Find(UpdateIntegration, request.ApiId).Integrations;
            var index = integrations.FindIndex(i => i.IntegrationId == request.IntegrationId);
            if (index < 0)
                throw InMemoryCalls.Error(UpdateIntegration, HttpStatusCode.NotFound, "NotFoundException", $"Invalid Integration identifier specified {request.IntegrationId}");
            return integrations[index] = integrations[index] with
            {
                IntegrationType = request.IntegrationType, IntegrationUri = request.IntegrationUri, PayloadFormatVersion = request.PayloadFormatVersion,
            };
        });

    public Task DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteIntegration, () => Find(DeleteIntegration, apiId).Integrations.RemoveAll(i => i.IntegrationId == integrationId));

    public Task<IReadOnlyList<HttpApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<HttpApiRoute>>(GetRoutes, () => [.. Find(GetRoutes, apiId).Routes]);

    public Task<HttpApiRoute> CreateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateRoute, () =>
        {
            var route = new HttpApiRoute
            {
                RouteId = NextId(), RouteKey = request.RouteKey, Target = request.Target, AuthorizationType = request.AuthorizationType,
                AuthorizerId = request.AuthorizerId,
            };
            Find(CreateRoute, request.ApiId).Routes.Add(route);
            return route;
        });

    public Task<HttpApiRoute> UpdateRouteAsync(HttpApiRouteRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateRoute, () =>
        {
            var routes = Find(UpdateRoute, request.ApiId).Routes;
            var index = routes.FindIndex(r => r.RouteId == request.RouteId);
            if (index < 0)
                throw InMemoryCalls.Error(UpdateRoute, HttpStatusCode.NotFound, "NotFoundException", $"Invalid Route identifier specified {request.RouteId}");
            return routes[index] = routes[index] with
            {
                RouteKey = request.RouteKey, Target = request.Target,
                AuthorizationType = string.IsNullOrEmpty(request.AuthorizationType) ? routes[index].AuthorizationType : request.AuthorizationType,
                AuthorizerId = request.AuthorizerId ?? routes[index].AuthorizerId,
            };
        });

    public Task DeleteRouteAsync(string apiId, string routeId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRoute, () => Find(DeleteRoute, apiId).Routes.RemoveAll(r => r.RouteId == routeId));

    public Task<HttpApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetAuthorizer, () => FindAuthorizer(GetAuthorizer, Find(GetAuthorizer, apiId), authorizerId));

    public Task<HttpApiAuthorizer> CreateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateAuthorizer, () =>
        {
            var api = Find(CreateAuthorizer, request.ApiId);
            var authorizer = ToAuthorizer(NextId(), request);
            api.Authorizers.Add(authorizer);
            return authorizer;
        });

    public Task<HttpApiAuthorizer> UpdateAuthorizerAsync(HttpApiAuthorizerRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateAuthorizer, () =>
        {
            var authorizers = Find(UpdateAuthorizer, request.ApiId).Authorizers;
            var index = authorizers.IndexOf(FindAuthorizer(UpdateAuthorizer, Find(UpdateAuthorizer, request.ApiId), request.AuthorizerId));
            // A member the request leaves out keeps its value (UpdateAuthorizer is a PATCH).
            return authorizers[index] = ToAuthorizer(request.AuthorizerId, request) with
            {
                EnableSimpleResponses = request.EnableSimpleResponses ?? authorizers[index].EnableSimpleResponses,
            };
        });

    public Task DeleteAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteAuthorizer, () => Find(DeleteAuthorizer, apiId).Authorizers.RemoveAll(a => a.AuthorizerId == authorizerId));

    public Task<HttpApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetStage, () => Find(GetStage, apiId).Stages.FirstOrDefault(s => s.StageName == stageName)
            ?? throw InMemoryCalls.Error(GetStage, HttpStatusCode.NotFound, "NotFoundException", "Invalid stage identifier specified"));

    public Task<HttpApiStage> CreateStageAsync(HttpApiStageRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateStage, () =>
        {
            var stage = new HttpApiStage
            {
                StageName = request.StageName, AutoDeploy = request.AutoDeploy ?? false,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()),
            };
            Find(CreateStage, request.ApiId).Stages.Add(stage);
            return stage;
        });

    public Task<HttpApiStage> UpdateStageAsync(string apiId, string stageName, bool autoDeploy, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateStage, () =>
        {
            var stages = Find(UpdateStage, apiId).Stages;
            var index = stages.FindIndex(s => s.StageName == stageName);
            if (index < 0)
                throw InMemoryCalls.Error(UpdateStage, HttpStatusCode.NotFound, "NotFoundException", "Invalid stage identifier specified");
            return stages[index] = stages[index] with { AutoDeploy = autoDeploy };
        });

    private string NextId() => (++_ids).ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(8, 'a');

    private static HttpApiAuthorizer ToAuthorizer(string authorizerId, HttpApiAuthorizerRequest request) => new()
    {
        AuthorizerId = authorizerId, Name = request.Name, AuthorizerType = request.AuthorizerType, AuthorizerUri = request.AuthorizerUri,
        AuthorizerPayloadFormatVersion = request.AuthorizerPayloadFormatVersion, AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds,
        EnableSimpleResponses = request.EnableSimpleResponses, IdentitySource = [.. request.IdentitySource],
        JwtConfiguration = request.JwtConfiguration,
    };

    private static HttpApiAuthorizer FindAuthorizer(AwsOperation operation, Api api, string authorizerId) =>
        api.Authorizers.FirstOrDefault(a => a.AuthorizerId == authorizerId)
        ?? throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFoundException", $"Invalid Authorizer identifier specified {authorizerId}");

    private Api Find(AwsOperation operation, string apiId) =>
        _apis.FirstOrDefault(a => a.ApiId == apiId)
        ?? throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFoundException", $"Invalid API identifier specified {apiId}");

    private sealed class Api(string apiId, string name, string protocolType, string region)
    {
        public string ApiId { get; } = apiId;

        public string? Description { get; set; }

        public HttpApiCors? Cors { get; set; }

        public Dictionary<string, string> Tags { get; init; } = [];

        public List<HttpApiIntegration> Integrations { get; } = [];

        public List<HttpApiRoute> Routes { get; } = [];

        public List<HttpApiStage> Stages { get; } = [];

        public List<HttpApiAuthorizer> Authorizers { get; } = [];

        public HttpApi ToModel() => new()
        {
            ApiId = ApiId,
            Name = name,
            ProtocolType = protocolType,
            ApiEndpoint = $"https://{ApiId}.execute-api.{region}.amazonaws.com",
            Description = Description,
            CorsConfiguration = Cors,
            Tags = new Dictionary<string, string>(Tags),
        };
    }

    // Custom domains are proven against moto (CustomDomainMotoTests), not against this fake.
    public Task<HttpApiDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<HttpApiDomainName> CreateDomainNameAsync(CreateHttpApiDomainNameRequest request, CancellationToken cancellationToken = default) =>
        throw NoCustomDomains();

    public Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<IReadOnlyList<ApiMapping>> GetApiMappingsAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<ApiMapping> CreateApiMappingAsync(CreateApiMappingRequest request, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task DeleteApiMappingAsync(string domainName, string apiMappingId, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    private static NotSupportedException NoCustomDomains() => new("The in-memory API Gateway v2 has no custom domains: test them against moto.");
}
