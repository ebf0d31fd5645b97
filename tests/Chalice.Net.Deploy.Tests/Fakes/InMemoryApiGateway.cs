using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws.ApiGateway;
using static Chalice.Deploy.Aws.ApiGateway.ApiGatewayOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// REST APIs in memory, answering as API Gateway does for the operations the deployer uses: error codes and statuses
/// of the API Gateway model (shared/fixtures/aws-models/apigateway/2015-07-09/service-2.json: NotFoundException 404,
/// BadRequestException 400); names are not unique, so every CreateRestApi makes a new API with a new 10-character id;
/// and a deployment of an API without methods is refused with "The REST API doesn't contain any methods"
/// (BadRequestException, as AWS answers: https://github.com/Clarifai/lambdafai/issues/57).
/// </summary>
internal sealed partial class InMemoryApiGateway(InMemoryCalls calls) : IApiGatewayApi
{
    private readonly List<Api> _apis = [];
    private int _ids;

    /// <summary>The APIs that exist, for assertions.</summary>
    public IReadOnlyList<RestApi> Apis => [.. _apis.Select(a => a.ToModel())];

    /// <summary>The OpenAPI document last put to an API (null before the first), for assertions.</summary>
    public JsonNode? Definition(string restApiId) => _apis.Single(a => a.Id == restApiId).Definition?.DeepClone();

    /// <summary>The deployment a stage serves, or null when the stage does not exist, for assertions.</summary>
    public string? StageDeployment(string restApiId, string stageName) =>
        _apis.Single(a => a.Id == restApiId).Stages.GetValueOrDefault(stageName);

    public Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<RestApi>>(GetRestApis, () => [.. _apis.Select(a => a.ToModel())]);

    public Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetRestApi, () => Find(GetRestApi, restApiId).ToModel());

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateRestApi, () =>
        {
            var api = new Api(NextId(10), request.Name)
            {
                Description = request.Description,
                BinaryMediaTypes = request.BinaryMediaTypes,
                EndpointTypes = request.EndpointConfiguration?.Types ?? ["EDGE"],
                VpcEndpointIds = [.. request.EndpointConfiguration?.VpcEndpointIds ?? []],
                Policy = request.Policy,
                MinimumCompressionSize = request.MinimumCompressionSize,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()),
            };
            _apis.Add(api);
            return api.ToModel();
        });

    public Task<RestApi> PutRestApiAsync(PutRestApiRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(PutRestApi, () =>
        {
            var api = Find(PutRestApi, request.RestApiId);
            JsonNode? document;
            try
            {
                document = JsonNode.Parse(request.Body);
            }
            catch (JsonException)
            {
                throw InMemoryCalls.Error(PutRestApi, HttpStatusCode.BadRequest, "BadRequestException", "Invalid OpenAPI input.");
            }
            if (document?["paths"] is not JsonObject)
                throw InMemoryCalls.Error(PutRestApi, HttpStatusCode.BadRequest, "BadRequestException", "Invalid OpenAPI input.");
            api.Definition = document;
            return api.ToModel();
        });

    public Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateDeployment, () =>
        {
            var api = Find(CreateDeployment, request.RestApiId);
            if (api.Definition?["paths"] is not JsonObject { Count: > 0 })
                throw InMemoryCalls.Error(CreateDeployment, HttpStatusCode.BadRequest, "BadRequestException",
                    "The REST API doesn't contain any methods");
            var deployment = new Deployment { Id = NextId(6), Description = request.Description, CreatedDate = DateTimeOffset.UnixEpoch };
            if (request.StageName is { } stage)
            {
                // A new stage is untraced until UpdateStage turns tracing on; an existing one keeps its own.
                if (!api.Stages.ContainsKey(stage))
                    api.StageTracing[stage] = false;
                api.Stages[stage] = deployment.Id;
            }
            return deployment;
        });

    public Task<Stage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) =>
        calls.RunOrNull(GetStage, () => Find(GetStage, restApiId).Stages.TryGetValue(stageName, out var deployment)
            ? new Stage { StageName = stageName, DeploymentId = deployment, TracingEnabled = Find(GetStage, restApiId).StageTracing[stageName] }
            : throw InMemoryCalls.Error(GetStage, HttpStatusCode.NotFound, "NotFoundException", "Invalid stage identifier specified"));

    /// <summary>
    /// The patch operations the deployer sends, applied as API Gateway documents them
    /// (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html); any other is a BadRequestException.
    /// </summary>
    public Task<RestApi> UpdateRestApiAsync(string restApiId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateRestApi, () =>
        {
            var api = Find(UpdateRestApi, restApiId);
            foreach (var operation in operations)
            {
                switch (operation.Op, operation.Path)
                {
                    case ("replace", var path) when path.StartsWith("/endpointConfiguration/types/", StringComparison.Ordinal):
                        api.EndpointTypes = [operation.Value!];
                        break;
                    case ("add", "/endpointConfiguration/vpcEndpointIds"):
                        api.VpcEndpointIds.Add(operation.Value!);
                        break;
                    case ("remove", "/endpointConfiguration/vpcEndpointIds"):
                        api.VpcEndpointIds.Remove(operation.Value!);
                        break;
                    case ("replace", "/minimumCompressionSize"):
                        api.MinimumCompressionSize = operation.Value is { Length: > 0 } size ? int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) : null;
                        break;
                    default:
                        throw InMemoryCalls.Error(UpdateRestApi, HttpStatusCode.BadRequest, "BadRequestException",
                            $"Invalid patch operation specified. Must be one of: [replace, add, remove] for {operation.Path}");
                }
            }
            return api.ToModel();
        });

    public Task<Stage> UpdateStageAsync(string restApiId, string stageName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateStage, () =>
        {
            var api = Find(UpdateStage, restApiId);
            if (!api.Stages.TryGetValue(stageName, out var deployment))
                throw InMemoryCalls.Error(UpdateStage, HttpStatusCode.NotFound, "NotFoundException", "Invalid stage identifier specified");
            foreach (var operation in operations)
            {
                if (operation is not { Op: "replace", Path: "/tracingEnabled" })
                    throw InMemoryCalls.Error(UpdateStage, HttpStatusCode.BadRequest, "BadRequestException", $"Invalid patch path {operation.Path}");
                api.StageTracing[stageName] = operation.Value == "true";
            }
            return new Stage { StageName = stageName, DeploymentId = deployment, TracingEnabled = api.StageTracing[stageName] };
        });

    public Task DeleteRestApiAsync(string restApiId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRestApi, () => _apis.Remove(Find(DeleteRestApi, restApiId)));

    private string NextId(int length) => (++_ids).ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(length, 'a');

    private Api Find(Chalice.Deploy.Aws.AwsOperation operation, string restApiId) =>
        _apis.FirstOrDefault(a => a.Id == restApiId)
        ?? throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFoundException", "Invalid API identifier specified");

    private sealed class Api(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string? Description { get; init; }

        public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

        public IReadOnlyList<string> EndpointTypes { get; set; } = ["EDGE"];

        public List<string> VpcEndpointIds { get; init; } = [];

        public string? Policy { get; init; }

        public int? MinimumCompressionSize { get; set; }

        public Dictionary<string, bool> StageTracing { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tags { get; init; } = [];

        public JsonNode? Definition { get; set; }

        public Dictionary<string, string> Stages { get; } = new(StringComparer.Ordinal);

        public RestApi ToModel() => new()
        {
            Id = Id,
            Name = Name,
            Description = Description,
            BinaryMediaTypes = BinaryMediaTypes,
            EndpointConfiguration = new EndpointConfiguration { Types = EndpointTypes, VpcEndpointIds = VpcEndpointIds.Count > 0 ? [.. VpcEndpointIds] : null },
            Policy = Policy,
            MinimumCompressionSize = MinimumCompressionSize,
            Tags = new Dictionary<string, string>(Tags),
        };
    }

    // Custom domains are proven against moto (CustomDomainMotoTests), not against this fake.
    public Task<CustomDomainName?> GetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task DeleteDomainNameAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<IReadOnlyList<BasePathMapping>> GetBasePathMappingsAsync(string domainName, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    public Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken = default) =>
        throw NoCustomDomains();

    public Task DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken = default) => throw NoCustomDomains();

    private static NotSupportedException NoCustomDomains() => new("The in-memory API Gateway has no custom domains: test them against moto.");
}
