using System.Text;
using System.Text.Json.Nodes;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.OpenApi;
using Chalice.Deploy.State;
using Chalice.Gateway;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Plans the REST API: create it (tagged, empty), put the OpenAPI definition and deploy it to the stage. An existing
/// API is found by the recorded id, else by name; its definition is put again only when the document's hash differs
/// from the one recorded as deployed.
/// </summary>
internal static class RestApiPlanner
{
    public static async Task PlanAsync(DeploymentRun run, List<PlannedStep> steps, CancellationToken cancellationToken)
    {
        var names = run.Names;
        var stage = run.Spec.Config.ApiGatewayStage;
        var recorded = run.State.Find<DeployedRestApi>();
        var api = recorded is null ? null : await run.Aws.ApiGateway.GetRestApiAsync(recorded.RestApiId, cancellationToken);
        api ??= await FindByNameAsync(run, cancellationToken);
        if (api is null)
        {
            steps.Add(Step("CreateRestApi", names.RestApi, "the API does not exist", CreateAsync));
            steps.Add(Step("PutRestApi", names.RestApi, "the API is new", PutAsync));
            steps.Add(Step("CreateDeployment", $"{names.RestApi} stage {stage}", "the API is new", DeployAsync));
            return;
        }

        run.RestApiId = api.Id;
        var same = recorded?.RestApiId == api.Id;
        run.Adopt(Recorded(run, same ? recorded!.DocumentSha256 : null, same ? recorded!.DeploymentId : null));
        var deployed = run.State.Find<DeployedRestApi>()!;

        // The definition names the function's ARN; a function about to be created has no ARN to hash yet.
        var reason = run.FunctionArn is null ? "the function is new"
            : deployed.DocumentSha256 is null ? "no deployed definition is recorded"
            : deployed.DocumentSha256 != OpenApiDocument.Hash(Document(run)) ? "the routes or the function changed"
            : null;
        if (reason is not null)
        {
            steps.Add(Step("PutRestApi", api.Id, reason, PutAsync));
            steps.Add(Step("CreateDeployment", $"{api.Id} stage {stage}", reason, DeployAsync));
            return;
        }

        run.PutDocumentSha256 = deployed.DocumentSha256;
        var current = await run.Aws.ApiGateway.GetStageAsync(api.Id, stage, cancellationToken);
        if (current is null || current.DeploymentId != deployed.DeploymentId)
        {
            var why = current is null ? $"the stage {stage} does not exist" : $"the stage {stage} serves another deployment";
            steps.Add(Step("CreateDeployment", $"{api.Id} stage {stage}", why, DeployAsync));
        }
    }

    /// <summary>The REST API's OpenAPI definition, integrated with the function.</summary>
    public static JsonObject Document(DeploymentRun run) =>
        OpenApiDocument.Create(run.Spec.Manifest, new OpenApiSettings(
            run.Names.RestApi,
            Description(run.Names),
            OpenApiSettings.LambdaIntegrationUri(run.Partition, run.Region, run.FunctionArn!),
            GatewayOptions.DefaultBinaryMediaTypes));

    /// <summary>
    /// Finds the stage's API by name when the state does not know it (a lost state file, or a create whose answer
    /// was lost). Several APIs of that name: the tagged ones are ours; more than one of those is for a person to sort out.
    /// </summary>
    public static async Task<RestApi?> FindByNameAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var names = run.Names;
        var candidates = (await run.Aws.ApiGateway.GetRestApisAsync(cancellationToken)).Where(a => a.Name == names.RestApi).ToList();
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

    private static string Description(ResourceNames names) => $"Chalice.Net app {names.App}, stage {names.Stage}";

    private static DeployedRestApi Recorded(DeploymentRun run, string? documentSha256, string? deploymentId) => new()
    {
        Name = "rest_api",
        RestApiId = run.RestApiId!,
        RestApiUrl = run.StageUrl(run.RestApiId!),
        ApiGatewayStage = run.Spec.Config.ApiGatewayStage,
        DocumentSha256 = documentSha256,
        DeploymentId = deploymentId,
    };

    private static async Task CreateAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var names = run.Names;
        var request = new CreateRestApiRequest
        {
            Name = names.RestApi,
            Description = Description(names),
            BinaryMediaTypes = GatewayOptions.DefaultBinaryMediaTypes,
            EndpointConfiguration = new EndpointConfiguration { Types = ["EDGE"] },
            Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue },
        };
        RestApi api;
        try
        {
            api = await run.Aws.ApiGateway.CreateRestApiAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.MayHaveSucceeded)
        {
            // The answer was lost: the API may exist. Look before creating, or there would be two.
            api = await FindByNameAsync(run, cancellationToken)
                  ?? await run.Aws.ApiGateway.CreateRestApiAsync(request, cancellationToken);
        }
        run.RestApiId = api.Id;
        run.Record(Recorded(run, null, null));
    }

    private static async Task PutAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var document = Document(run);
        await run.Aws.ApiGateway.PutRestApiAsync(new PutRestApiRequest
        {
            RestApiId = run.RestApiId!,
            Body = Encoding.UTF8.GetBytes(document.ToJsonString()),
            Mode = "overwrite",
            // Not failonwarnings: a strict OpenAPI validator (moto runs one then) rejects greedy {path+} segments whose
            // parameter is named "path", the name REST APIs require.
        }, cancellationToken);
        run.PutDocumentSha256 = OpenApiDocument.Hash(document);
    }

    private static async Task DeployAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        var deployment = await run.Aws.ApiGateway.CreateDeploymentAsync(new CreateDeploymentRequest
        {
            RestApiId = run.RestApiId!,
            StageName = run.Spec.Config.ApiGatewayStage,
            Description = $"chalice-net {run.Names.Base}",
        }, cancellationToken);
        run.Record(Recorded(run, run.PutDocumentSha256, deployment.Id));
    }

    private static PlannedStep Step(string operation, string target, string reason, Func<DeploymentRun, CancellationToken, Task> apply) =>
        new("API Gateway", operation, target, reason, apply);
}
