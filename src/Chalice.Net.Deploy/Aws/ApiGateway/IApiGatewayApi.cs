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

    /// <summary>Deletes a REST API.</summary>
    /// <summary>Changes an API's properties (<c>UpdateRestApi</c>).</summary>
    Task<RestApi> UpdateRestApiAsync(string restApiId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Changes a stage's properties (<c>UpdateStage</c>).</summary>
    Task<Stage> UpdateStageAsync(string restApiId, string stageName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default);

    Task DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default);
}
