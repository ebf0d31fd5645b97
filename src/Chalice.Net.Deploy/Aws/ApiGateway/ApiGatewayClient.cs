using System.Text.Json.Serialization.Metadata;
using Chalice.Deploy.Aws.Protocols;
using static Chalice.Deploy.Aws.Protocols.RestPath;

namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary><see cref="IApiGatewayApi"/> over API Gateway's rest-json protocol.</summary>
internal sealed class ApiGatewayClient(RestJsonChannel channel) : IApiGatewayApi
{
    // The largest page API Gateway serves.
    private const int PageSize = 500;

    private static ApiGatewayJsonContext Json => ApiGatewayJsonContext.Default;

    public Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayOperations.GetRestApis, () => new RestPath("/restapis"), Json.PageRestApi, cancellationToken);

    public Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.GetRestApi, HttpMethod.Get,
            new RestPath($"/restapis/{Label(restApiId)}"), null, Json.RestApi, cancellationToken).OrNullIfNotFound();

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateRestApi, HttpMethod.Post, new RestPath("/restapis"),
            RequestBody.Json(request, Json.CreateRestApiRequest), Json.RestApi, cancellationToken);

    public Task<RestApi> PutRestApiAsync(PutRestApiRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.PutRestApi, HttpMethod.Put,
            WithParameters(new RestPath($"/restapis/{Label(request.RestApiId)}")
                .Query("mode", request.Mode).Query("failonwarnings", request.FailOnWarnings), request.Parameters),
            new RequestBody(request.Body, "application/json"), Json.RestApi, cancellationToken);

    public Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateDeployment, HttpMethod.Post,
            new RestPath($"/restapis/{Label(request.RestApiId)}/deployments"),
            RequestBody.Json(request, Json.CreateDeploymentRequest), Json.Deployment, cancellationToken);

    public Task<Stage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.GetStage, HttpMethod.Get,
            new RestPath($"/restapis/{Label(restApiId)}/stages/{Label(stageName)}"), null, Json.Stage, cancellationToken).OrNullIfNotFound();

    public Task<RestApi> UpdateRestApiAsync(string restApiId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.UpdateRestApi, HttpMethod.Patch, new RestPath($"/restapis/{Label(restApiId)}"),
            RequestBody.Json(new PatchBody(operations), Json.PatchBody), Json.RestApi, cancellationToken);

    public Task<Stage> UpdateStageAsync(string restApiId, string stageName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.UpdateStage, HttpMethod.Patch,
            new RestPath($"/restapis/{Label(restApiId)}/stages/{Label(stageName)}"),
            RequestBody.Json(new PatchBody(operations), Json.PatchBody), Json.Stage, cancellationToken);

    public Task DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteRestApi, HttpMethod.Delete, new RestPath($"/restapis/{Label(restApiId)}"), null,
            cancellationToken);

    public Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(bool includeValues, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayOperations.GetApiKeys, () => new RestPath("/apikeys").Query("includeValues", includeValues ? true : null),
            Json.PageApiKey, cancellationToken);

    public Task<ApiKey> CreateApiKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateApiKey, HttpMethod.Post, new RestPath("/apikeys"),
            RequestBody.Json(request, Json.CreateApiKeyRequest), Json.ApiKey, cancellationToken);

    public Task<ApiKey> UpdateApiKeyAsync(string apiKeyId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.UpdateApiKey, HttpMethod.Patch, new RestPath($"/apikeys/{Label(apiKeyId)}"),
            RequestBody.Json(new PatchBody(operations), Json.PatchBody), Json.ApiKey, cancellationToken);

    public Task DeleteApiKeyAsync(string apiKeyId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteApiKey, HttpMethod.Delete, new RestPath($"/apikeys/{Label(apiKeyId)}"), null, cancellationToken);

    public Task<IReadOnlyList<UsagePlan>> GetUsagePlansAsync(CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayOperations.GetUsagePlans, () => new RestPath("/usageplans"), Json.PageUsagePlan, cancellationToken);

    public Task<UsagePlan> CreateUsagePlanAsync(CreateUsagePlanRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateUsagePlan, HttpMethod.Post, new RestPath("/usageplans"),
            RequestBody.Json(request, Json.CreateUsagePlanRequest), Json.UsagePlan, cancellationToken);

    public Task<UsagePlan> UpdateUsagePlanAsync(string usagePlanId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.UpdateUsagePlan, HttpMethod.Patch, new RestPath($"/usageplans/{Label(usagePlanId)}"),
            RequestBody.Json(new PatchBody(operations), Json.PatchBody), Json.UsagePlan, cancellationToken);

    public Task DeleteUsagePlanAsync(string usagePlanId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteUsagePlan, HttpMethod.Delete, new RestPath($"/usageplans/{Label(usagePlanId)}"), null,
            cancellationToken);

    public Task<IReadOnlyList<UsagePlanKey>> GetUsagePlanKeysAsync(string usagePlanId, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayOperations.GetUsagePlanKeys, () => new RestPath($"/usageplans/{Label(usagePlanId)}/keys"),
            Json.PageUsagePlanKey, cancellationToken);

    public Task<UsagePlanKey> CreateUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateUsagePlanKey, HttpMethod.Post, new RestPath($"/usageplans/{Label(usagePlanId)}/keys"),
            RequestBody.Json(new CreateUsagePlanKeyRequest(apiKeyId, "API_KEY"), Json.CreateUsagePlanKeyRequest), Json.UsagePlanKey,
            cancellationToken);

    public Task DeleteUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteUsagePlanKey, HttpMethod.Delete,
            new RestPath($"/usageplans/{Label(usagePlanId)}/keys/{Label(apiKeyId)}"), null, cancellationToken);
    public Task<CustomDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.GetDomainName, HttpMethod.Get, new RestPath($"/domainnames/{Label(domainName)}"), null,
            Json.CustomDomainName, cancellationToken).OrNullIfNotFound();

    public Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateDomainName, HttpMethod.Post, new RestPath("/domainnames"),
            RequestBody.Json(request, Json.CreateDomainNameRequest), Json.CustomDomainName, cancellationToken);

    public Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteDomainName, HttpMethod.Delete, new RestPath($"/domainnames/{Label(domainName)}"), null,
            cancellationToken);

    public Task<IReadOnlyList<BasePathMapping>> GetBasePathMappingsAsync(string domainName, CancellationToken cancellationToken = default) =>
        GetAllPagesAsync(ApiGatewayOperations.GetBasePathMappings, () => new RestPath($"/domainnames/{Label(domainName)}/basepathmappings"),
            Json.PageBasePathMapping, cancellationToken);

    public Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.CreateBasePathMapping, HttpMethod.Post,
            new RestPath($"/domainnames/{Label(request.DomainName)}/basepathmappings"),
            RequestBody.Json(request, Json.CreateBasePathMappingRequest), Json.BasePathMapping, cancellationToken);

    public Task DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken = default) =>
        channel.SendAsync(ApiGatewayOperations.DeleteBasePathMapping, HttpMethod.Delete,
            new RestPath($"/domainnames/{Label(domainName)}/basepathmappings/{Label(basePath)}"), null, cancellationToken);

    private async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(
        AwsOperation operation, Func<RestPath> path, JsonTypeInfo<Page<T>> pageType, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? position = null;
        do
        {
            var page = await channel.SendAsync(operation, HttpMethod.Get, path().Query("limit", PageSize).Query("position", position), null,
                pageType, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            position = page.Position is { Length: > 0 } next && next != position ? next : null;
        }
        while (position is not null);
        return items;
    }

    private static RestPath WithParameters(RestPath path, IReadOnlyDictionary<string, string>? parameters)
    {
        // A querystring map with no locationName: each entry is its own query parameter (botocore serialises it so).
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
            path.Query(name, value);
        return path;
    }
}
