namespace Chalice.Deploy.Aws.ApiGateway;

/// <summary>The Amazon API Gateway (REST API) control-plane operations the deployer uses.</summary>
internal interface IApiGatewayApi
{
    /// <summary>Every REST API in the region (all pages).</summary>
    Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken = default);

    /// <summary>One REST API, or null when it does not exist.</summary>
    Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an empty REST API (with tags, which an import cannot set). Never replayed once the request may have
    /// reached AWS: such failures carry <see cref="AwsServiceException.MayHaveSucceeded"/>.
    /// </summary>
    Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces (or merges into) a REST API's definition from an OpenAPI document.</summary>
    Task<RestApi> PutRestApiAsync(PutRestApiRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deploys the API's current definition, creating or moving the named stage.</summary>
    Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>One stage, or null when it does not exist.</summary>
    Task<Stage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default);

    /// <summary>Changes an API's properties (<c>UpdateRestApi</c>).</summary>
    Task<RestApi> UpdateRestApiAsync(string restApiId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Changes a stage's properties (<c>UpdateStage</c>).</summary>
    Task<Stage> UpdateStageAsync(string restApiId, string stageName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Deletes a REST API.</summary>
    Task DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default);

    /// <summary>Every API key in the region (all pages), with their values when <paramref name="includeValues"/>.</summary>
    Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(bool includeValues, CancellationToken cancellationToken = default);

    /// <summary>Creates an API key (its value generated unless given). Never replayed once it may have reached AWS.</summary>
    Task<ApiKey> CreateApiKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes an API key's properties (<c>UpdateApiKey</c>).</summary>
    Task<ApiKey> UpdateApiKeyAsync(string apiKeyId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Deletes an API key.</summary>
    Task DeleteApiKeyAsync(string apiKeyId, CancellationToken cancellationToken = default);

    /// <summary>Every usage plan in the region (all pages).</summary>
    Task<IReadOnlyList<UsagePlan>> GetUsagePlansAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a usage plan. Never replayed once it may have reached AWS.</summary>
    Task<UsagePlan> CreateUsagePlanAsync(CreateUsagePlanRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a usage plan (<c>UpdateUsagePlan</c>).</summary>
    Task<UsagePlan> UpdateUsagePlanAsync(string usagePlanId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Deletes a usage plan.</summary>
    Task DeleteUsagePlanAsync(string usagePlanId, CancellationToken cancellationToken = default);

    /// <summary>The API keys of a usage plan (all pages).</summary>
    Task<IReadOnlyList<UsagePlanKey>> GetUsagePlanKeysAsync(string usagePlanId, CancellationToken cancellationToken = default);

    /// <summary>Adds an API key to a usage plan.</summary>
    Task<UsagePlanKey> CreateUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default);

    /// <summary>Removes an API key from a usage plan.</summary>
    Task DeleteUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default);
    /// <summary>A custom domain name, or null when it does not exist.</summary>
    Task<CustomDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Creates a custom domain name.</summary>
    Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a custom domain name.</summary>
    Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Every base path mapping of a domain (all pages).</summary>
    Task<IReadOnlyList<BasePathMapping>> GetBasePathMappingsAsync(string domainName, CancellationToken cancellationToken = default);

    /// <summary>Maps a base path of a domain to an API's stage.</summary>
    Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a base path mapping; <paramref name="basePath"/> is <c>(none)</c> for the domain's root.</summary>
    Task DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken = default);
}
