using System.Text;
using System.Text.Json.Nodes;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the REST API of an app with routes: create it (tagged, empty), put the OpenAPI definition and deploy it to
/// the stage. An existing API is found by the recorded id, else by name; its definition is put again only when the
/// document's hash differs from the one recorded as deployed. Publishes the API's id.
/// </summary>
internal sealed class RestApiPlanner : ResourcePlanner<DeployedRestApi>
{
    /// <summary>The API's logical name (Chalice's).</summary>
    public const string LogicalName = "rest_api";

    private const string DocumentHash = "definition hash";

    private const string DeploymentId = "deployment id";

    /// <summary>The REST API's id.</summary>
    public static Export<string> RestApiId { get; } = new("REST API id");

    /// <summary>
    /// The REST API's id once its stage exists (after the deployment that makes it, when one is planned): what a usage
    /// plan names, since API Gateway refuses a plan for a stage that does not exist yet.
    /// </summary>
    public static Export<string> StageApiId { get; } = new("REST API id with its stage");

    /// <inheritdoc/>
    public override string ResourceType => "rest_api";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [FunctionPlanner.FunctionArn, FunctionPlanner.FunctionArns];

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [RestApiId, StageApiId];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var spec = context.Spec;
        // A stage serving an HTTP API has none (HttpApiPlanner); one it recorded is deleted with the other leftovers.
        if (spec.Manifest.Routes.Count == 0 || spec.Config.ApiGatewayType.IsHttpApi())
            return;
        var names = context.Names;
        var apiGateway = context.Aws.ApiGateway;
        var stage = spec.Config.ApiGatewayStage;
        var resource = context.Resource(LogicalName, names.RestApi, new DesiredApi(names.RestApi, stage, spec.Manifest.Routes.Count));
        var functionArn = resource.Uses(context.Require(FunctionPlanner.FunctionArn));
        // The definition names each built-in authorizer's function by its invocation URI.
        var functions = context.Require(FunctionPlanner.FunctionArns).TryGetKnown(out var arns)
            ? arns : throw new InvalidOperationException($"{nameof(RestApiPlanner)} needs the map of function ARNs while planning.");
        var authorizerArns = spec.Manifest.Functions.OfType<AuthorizerFunctionManifest>()
            .ToDictionary(a => a.Name, a => resource.Uses(functions.Of(a.Name)), StringComparer.Ordinal);
        var integrated = new FunctionsOfApi(functionArn, authorizerArns);
        var shape = new ApiShape(spec, names, stage, context.Region, context.Partition, RestApiSettings.For(spec));

        var recorded = context.Recorded.Find<DeployedRestApi>(LogicalName);
        var api = recorded is null ? null : await apiGateway.GetRestApiAsync(recorded.RestApiId, cancellationToken);
        api ??= await FindByNameAsync(apiGateway, names, cancellationToken);
        if (api is null)
        {
            var created = new StepOutput<string>(RestApiId.Description);
            var put = new StepOutput<string>(DocumentHash);
            resource.Step(AwsService.ApiGateway, "CreateRestApi", "the API does not exist",
                (step, ct) => CreateAsync(step, apiGateway, shape, created, ct), produces: [created]);
            resource.Step(AwsService.ApiGateway, "PutRestApi", "the API is new",
                (step, ct) => PutAsync(step, apiGateway, shape, created, integrated, put, ct), consumes: [created, .. integrated.All], produces: [put]);
            var deployedNew = new StepOutput<string>(DeploymentId);
            resource.Step(AwsService.ApiGateway, "CreateDeployment", "the API is new",
                (step, ct) => DeployAsync(step, apiGateway, shape, created, put, ct, deployedNew), consumes: [created, put],
                produces: [deployedNew], target: $"{names.RestApi} stage {stage}");
            PlanTracing(resource, apiGateway, shape, created, stage: null, deployedNew);
            context.Publish(RestApiId, created);
            context.Publish(StageApiId, WithStage(created, deployedNew));
            return;
        }

        resource.Target = api.Id;
        var id = Ref.Known(RestApiId.Description, api.Id, LogicalName);
        context.Publish(RestApiId, id);
        var same = recorded?.RestApiId == api.Id;
        var deployed = shape.Record(api.Id, same ? recorded!.DocumentSha256 : null, same ? recorded!.DeploymentId : null);
        resource.Adopt(deployed);
        resource.Observed = new ObservedApi(api, Stage: null);

        // Endpoint type, VPC endpoints and compression are the API's properties: an import does not change an
        // existing API's endpoint type, so they are patched, as Chalice patches them (chalice/deploy/planner.py, _plan_restapi).
        var patches = SettingsPatches(api, shape.Settings);
        if (patches.Count > 0)
            resource.Step(AwsService.ApiGateway, "UpdateRestApi", string.Join(", ", patches.Select(p => $"{p.Op} {p.Path} {p.Value}".TrimEnd())),
                (step, ct) => apiGateway.UpdateRestApiAsync(step.Get(id), patches, ct), consumes: [id]);

        // The definition names the function's ARN; a function about to be created has no ARN to hash yet.
        var reason = integrated.TryGetKnown() is not { } known ? "a function it integrates is new"
            : deployed.DocumentSha256 is null ? "no deployed definition is recorded"
            : deployed.DocumentSha256 != OpenApiDocument.Hash(shape.Document(known)) ? "the routes or the functions changed"
            : null;
        if (reason is not null)
        {
            var put = new StepOutput<string>(DocumentHash);
            resource.Step(AwsService.ApiGateway, "PutRestApi", reason,
                (step, ct) => PutAsync(step, apiGateway, shape, id, integrated, put, ct), consumes: [id, .. integrated.All], produces: [put]);
            var redeployed = new StepOutput<string>(DeploymentId);
            resource.Step(AwsService.ApiGateway, "CreateDeployment", reason,
                (step, ct) => DeployAsync(step, apiGateway, shape, id, put, ct, redeployed), consumes: [id, put],
                produces: [redeployed], target: $"{api.Id} stage {stage}");
            var existing = await apiGateway.GetStageAsync(api.Id, stage, cancellationToken);
            resource.Observed = new ObservedApi(api, existing);
            PlanTracing(resource, apiGateway, shape, id, existing, redeployed);
            context.Publish(StageApiId, WithStage(id, redeployed));
            return;
        }

        var current = await apiGateway.GetStageAsync(api.Id, stage, cancellationToken);
        resource.Observed = new ObservedApi(api, current);
        Ref<string>? deploymentDone = null;
        if (current is null || current.DeploymentId != deployed.DeploymentId)
        {
            var hash = Ref.Known(DocumentHash, deployed.DocumentSha256!, LogicalName);
            var done = new StepOutput<string>(DeploymentId);
            resource.Step(AwsService.ApiGateway, "CreateDeployment",
                current is null ? $"the stage {stage} does not exist" : $"the stage {stage} serves another deployment",
                (step, ct) => DeployAsync(step, apiGateway, shape, id, hash, ct, done), consumes: [id, hash], produces: [done],
                target: $"{api.Id} stage {stage}");
            deploymentDone = done;
        }
        PlanTracing(resource, apiGateway, shape, id, current, deploymentDone);
        context.Publish(StageApiId, deploymentDone is null ? id : WithStage(id, deploymentDone));
    }

    /// <summary>The API's id, available once <paramref name="deployment"/> (which makes or moves the stage) is done.</summary>
    private static Ref<string> WithStage(Ref<string> id, Ref<string> deployment) =>
        id.Combine(deployment, StageApiId.Description, (apiId, _) => apiId);

    /// <summary>
    /// The stage's X-Ray tracing (<c>xray</c>), patched when the stage's differs: after the CreateDeployment that makes
    /// a new stage (untraced) or points an existing one at a new deployment (which keeps its settings). Chalice passes
    /// tracingEnabled to CreateDeployment instead, which moto 5.2.1 ignores; a patch is one call either way, and
    /// it is what both AWS and moto apply.
    /// </summary>
    private static void PlanTracing(ResourcePlan resource, IApiGatewayApi apiGateway, ApiShape shape, Ref<string> id, Stage? stage, Ref<string>? deployment)
    {
        var wanted = shape.Settings.TracingEnabled;
        if ((stage?.TracingEnabled ?? false) == wanted)
            return;
        resource.Step(AwsService.ApiGateway, "UpdateStage", $"X-Ray tracing of stage {shape.Stage} {(wanted ? "on" : "off")}",
            (step, ct) => apiGateway.UpdateStageAsync(step.Get(id), shape.Stage,
                [new PatchOperation("replace", "/tracingEnabled", wanted ? "true" : "false")], ct),
            consumes: deployment is null ? [id] : [id, deployment], target: $"{shape.Names.RestApi} stage {shape.Stage}");
    }

    /// <summary>The patch operations that give an existing API the settings it should have (none when it has them).</summary>
    internal static IReadOnlyList<PatchOperation> SettingsPatches(RestApi api, RestApiSettings wanted)
    {
        List<PatchOperation> patches = [];
        var type = api.EndpointConfiguration?.Types is [var current, ..] ? current : "EDGE";
        if (type != wanted.EndpointType)
            patches.Add(new PatchOperation("replace", $"/endpointConfiguration/types/{type}", wanted.EndpointType));
        var endpoints = api.EndpointConfiguration?.VpcEndpointIds ?? [];
        patches.AddRange(wanted.VpcEndpointIds.Except(endpoints, StringComparer.Ordinal)
            .Select(e => new PatchOperation("add", "/endpointConfiguration/vpcEndpointIds", e)));
        patches.AddRange(endpoints.Except(wanted.VpcEndpointIds, StringComparer.Ordinal)
            .Select(e => new PatchOperation("remove", "/endpointConfiguration/vpcEndpointIds", e)));
        if (api.MinimumCompressionSize != wanted.MinimumCompressionSize)
        {
            // An empty value turns compression off (https://docs.aws.amazon.com/apigateway/latest/developerguide/
            // api-gateway-gzip-compression-decompression.html; Chalice sends '' for an unset size).
            patches.Add(new PatchOperation("replace", "/minimumCompressionSize",
                wanted.MinimumCompressionSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
        return patches;
    }

    /// <inheritdoc/>
    protected override async Task<DeployedRestApi?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        await FindByNameAsync(aws.ApiGateway, names, cancellationToken) is { } api && api.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue
            ? new DeployedRestApi { Name = LogicalName, RestApiId = api.Id, RestApiUrl = "", ApiGatewayStage = "" }
            : null;

    /// <inheritdoc/>
    protected override string Describe(DeployedRestApi record) => $"REST API {record.RestApiId}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedRestApi record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.ApiGateway, "DeleteRestApi", record.RestApiId, "the stage no longer has it",
            (_, ct) => IgnoringNotFound(aws.ApiGateway.DeleteRestApiAsync(record.RestApiId, ct))),
    ];

    /// <summary>
    /// Finds the stage's API by name when the state does not know it (a lost state file, or a create whose answer
    /// was lost). Several APIs of that name: the tagged ones are ours; more than one of those is for a person to sort out.
    /// </summary>
    private static async Task<RestApi?> FindByNameAsync(IApiGatewayApi apiGateway, ResourceNames names, CancellationToken cancellationToken)
    {
        var candidates = (await apiGateway.GetRestApisAsync(cancellationToken)).Where(a => a.Name == names.RestApi).ToList();
        if (candidates.Count > 1)
            candidates = candidates.Where(a => a.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousResourceException(
                $"There are {candidates.Count} REST APIs named {names.RestApi} tagged {ResourceNames.TagKey}={names.TagValue} " +
                $"({string.Join(", ", candidates.Select(a => a.Id))}); delete the ones you do not use, then deploy again."),
        };
    }

    private static async Task CreateAsync(
        StepContext step, IApiGatewayApi apiGateway, ApiShape shape, StepOutput<string> id, CancellationToken cancellationToken)
    {
        var request = new CreateRestApiRequest
        {
            Name = shape.Names.RestApi,
            Description = shape.Description,
            BinaryMediaTypes = shape.Settings.BinaryMediaTypes,
            EndpointConfiguration = new EndpointConfiguration
            {
                Types = [shape.Settings.EndpointType],
                VpcEndpointIds = shape.Settings.VpcEndpointIds.Count > 0 ? shape.Settings.VpcEndpointIds : null,
            },
            Policy = shape.Settings.PolicyText,
            MinimumCompressionSize = shape.Settings.MinimumCompressionSize,
            Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = shape.Names.TagValue },
        };
        RestApi api;
        try
        {
            api = await apiGateway.CreateRestApiAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The answer was lost: the API may exist. Look before creating, or there would be two.
            api = await FindByNameAsync(apiGateway, shape.Names, cancellationToken)
                  ?? await apiGateway.CreateRestApiAsync(request, cancellationToken);
        }
        step.Set(id, api.Id);
        step.Record(shape.Record(api.Id, documentSha256: null, deploymentId: null));
    }

    private static async Task PutAsync(
        StepContext step, IApiGatewayApi apiGateway, ApiShape shape, Ref<string> id, FunctionsOfApi functions, StepOutput<string> hash,
        CancellationToken cancellationToken)
    {
        var document = shape.Document(functions.Resolve(step));
        await apiGateway.PutRestApiAsync(new PutRestApiRequest
        {
            RestApiId = step.Get(id),
            Body = Encoding.UTF8.GetBytes(document.ToJsonString()),
            Mode = "overwrite",
            // Not failonwarnings: a strict OpenAPI validator (moto runs one then) rejects greedy {path+} segments whose
            // parameter is named "path", the name REST APIs require.
        }, cancellationToken);
        step.Set(hash, OpenApiDocument.Hash(document));
    }

    private static async Task DeployAsync(
        StepContext step, IApiGatewayApi apiGateway, ApiShape shape, Ref<string> id, Ref<string> hash, CancellationToken cancellationToken,
        StepOutput<string> deployed)
    {
        var apiId = step.Get(id);
        var deployment = await apiGateway.CreateDeploymentAsync(new CreateDeploymentRequest
        {
            RestApiId = apiId,
            StageName = shape.Stage,
            Description = $"chalice-net {shape.Names.Base}",
        }, cancellationToken);
        step.Set(deployed, deployment.Id);
        step.Record(shape.Record(apiId, step.Get(hash), deployment.Id));
    }

    /// <summary>The REST API the app wants.</summary>
    /// <param name="Name">The API's name.</param>
    /// <param name="Stage">The API Gateway stage it is deployed to.</param>
    /// <param name="Routes">How many routes the definition has.</param>
    internal sealed record DesiredApi(string Name, string Stage, int Routes);

    /// <summary>The REST API that exists.</summary>
    /// <param name="Api">What <c>GetRestApi</c>/<c>GetRestApis</c> answered.</param>
    /// <param name="Stage">What <c>GetStage</c> answered, when it was asked (only when the definition is unchanged).</param>
    internal sealed record ObservedApi(RestApi Api, Stage? Stage);

    /// <summary>The functions the definition names: the API's (its integration) and each authorizer's (its authorizer URI).</summary>
    /// <param name="Api">The API function's ARN.</param>
    /// <param name="Authorizers">Each authorizer function's ARN, by the authorizer's name.</param>
    private sealed record FunctionsOfApi(Ref<string> Api, IReadOnlyDictionary<string, Ref<string>> Authorizers)
    {
        /// <summary>Every reference, for a step to consume.</summary>
        public IReadOnlyList<IRef> All => [Api, .. Authorizers.Values];

        /// <summary>The ARNs, when every function exists while planning.</summary>
        public Arns? TryGetKnown()
        {
            if (!Api.TryGetKnown(out var api))
                return null;
            var authorizers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, arn) in Authorizers)
            {
                if (!arn.TryGetKnown(out var known))
                    return null;
                authorizers[name] = known;
            }
            return new Arns(api, authorizers);
        }

        /// <summary>The ARNs while a step runs (the step consumes <see cref="All"/>).</summary>
        public Arns Resolve(StepContext step) =>
            new(step.Get(Api), Authorizers.ToDictionary(a => a.Key, a => step.Get(a.Value), StringComparer.Ordinal));

        /// <summary>The ARNs themselves.</summary>
        public sealed record Arns(string Api, IReadOnlyDictionary<string, string> Authorizers);
    }

    /// <summary>What the steps need to know of the app to shape its API: names, stage, definition and record.</summary>
    private sealed record ApiShape(
        DeploymentSpec Spec, ResourceNames Names, string Stage, string Region, AwsPartition Partition, RestApiSettings Settings)
    {
        public string Description => $"Chalice.Net app {Names.App}, stage {Names.Stage}";

        /// <summary>The OpenAPI definition, integrated with the API's function and its authorizers' functions.</summary>
        public JsonObject Document(FunctionsOfApi.Arns functions) =>
            OpenApiDocument.Create(Spec.Manifest, new OpenApiSettings(
                Names.RestApi, Description, OpenApiSettings.LambdaIntegrationUri(Partition.Id, Region, functions.Api),
                Settings.BinaryMediaTypes)
            {
                AuthorizerUris = functions.Authorizers.ToDictionary(
                    a => a.Key, a => (JsonNode)OpenApiSettings.LambdaIntegrationUri(Partition.Id, Region, a.Value), StringComparer.Ordinal),
                Policy = Settings.Policy,
                VpcEndpointIds = Settings.VpcEndpointIds,
                MinimumCompressionSize = Settings.MinimumCompressionSize,
            });

        public DeployedRestApi Record(string restApiId, string? documentSha256, string? deploymentId) => new()
        {
            Name = LogicalName,
            RestApiId = restApiId,
            RestApiUrl = $"https://{restApiId}.execute-api.{Region}.{Partition.DnsSuffix}/{Stage}/",
            ApiGatewayStage = Stage,
            DocumentSha256 = documentSha256,
            DeploymentId = deploymentId,
        };
    }
}
