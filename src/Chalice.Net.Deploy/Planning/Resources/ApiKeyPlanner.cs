using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the stage's API keys (<c>api_keys</c>): each an enabled, tagged API key named <c>{app}-{stage}-{name}</c>,
/// whose value AWS generates unless the key's <c>value_env</c> names the environment variable holding it. An existing
/// key is found by name and tag; a disabled one is enabled again, and one whose value is not the variable's any more is
/// replaced (API Gateway cannot change a key's value). Publishes each key's id for the usage plan.
/// </summary>
internal sealed class ApiKeyPlanner : ResourcePlanner<DeployedApiKey>
{
    /// <summary>The stage's API keys: what the usage plan holds.</summary>
    public static Export<StageApiKeys> ApiKeyIds { get; } = new("API key ids");

    /// <inheritdoc/>
    public override string ResourceType => "api_key";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Produces => [ApiKeyIds];

    /// <summary>The logical name of a key (<c>api_key-partner</c>).</summary>
    public static string LogicalNameOf(string key) => $"api_key-{key}";

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var keys = context.Spec.Config.ApiKeys;
        var stageKeys = new StageApiKeys();
        if (keys.Count > 0)
        {
            var values = keys.ToDictionary(k => k.Name, k => ValueOf(context.Spec, k), StringComparer.Ordinal);
            var existing = await context.Aws.ApiGateway.GetApiKeysAsync(includeValues: values.Values.Any(v => v is not null), cancellationToken);
            foreach (var key in keys)
                stageKeys.Ids[key.Name] = PlanKey(context, key, values[key.Name], existing, stageKeys.Replaced);
        }
        context.Publish(ApiKeyIds, Ref.Known(ApiKeyIds.Description, stageKeys, origin: null));
    }

    /// <summary>The value a key must have: its <c>value_env</c> variable's, or null to let AWS generate one.</summary>
    /// <exception cref="ChaliceConfigException">The variable is not set.</exception>
    private static string? ValueOf(DeploymentSpec spec, ApiKeyConfig key) => key.ValueEnv is not { } variable
        ? null
        : spec.EnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new ChaliceConfigException(
                $"The API key '{key.Name}' takes its value from the environment variable {variable} (value_env), which is not set.");

    private static Ref<string> PlanKey(PlanningContext context, ApiKeyConfig key, string? value, IReadOnlyList<ApiKey> existing, HashSet<string> replaced)
    {
        var apiGateway = context.Aws.ApiGateway;
        var names = context.Names;
        var logicalName = LogicalNameOf(key.Name);
        var name = names.ApiKeyOf(key.Name);
        var resource = context.Resource(logicalName, name, new DesiredKey(name, ValueFrom: key.ValueEnv));
        var request = new CreateApiKeyRequest
        {
            Name = name,
            Description = $"Chalice.Net app {names.App}, stage {names.Stage}",
            Enabled = true,
            Value = value,
            Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue },
        };
        var found = Ours(existing, names, name);
        resource.Observed = found is null ? null : found with { Value = null }; // a plan never shows a key's value
        if (found is null)
            return PlanCreate(resource, apiGateway, logicalName, request, "the key does not exist");

        resource.Target = found.Id;
        resource.Adopt(Record(logicalName, found.Id, name));
        if (value is not null && found.Value != value)
        {
            replaced.Add(found.Id);
            resource.Step(AwsService.ApiGateway, "DeleteApiKey", $"its value is not {key.ValueEnv}'s any more (a key's value cannot change)",
                async (step, ct) =>
                {
                    await IgnoringNotFound(apiGateway.DeleteApiKeyAsync(found.Id, ct));
                    step.Forget(logicalName);
                });
            return PlanCreate(resource, apiGateway, logicalName, request, $"the key with {key.ValueEnv}'s value replaces it");
        }
        if (!found.Enabled)
            resource.Step(AwsService.ApiGateway, "UpdateApiKey", "the key is disabled",
                (_, ct) => apiGateway.UpdateApiKeyAsync(found.Id, [new PatchOperation("replace", "/enabled", "true")], ct));
        return Ref.Known("API key id", found.Id, logicalName);
    }

    private static StepOutput<string> PlanCreate(ResourcePlan resource, IApiGatewayApi apiGateway, string logicalName, CreateApiKeyRequest request, string reason)
    {
        var created = new StepOutput<string>($"API key id of {logicalName}");
        resource.Step(AwsService.ApiGateway, "CreateApiKey", reason, async (step, ct) =>
        {
            ApiKey key;
            try
            {
                key = await apiGateway.CreateApiKeyAsync(request, ct);
            }
            catch (AwsServiceException e) when (e.MayHaveSucceeded)
            {
                // The answer was lost: the key may exist. Look before creating, or there would be two.
                key = Ours(await apiGateway.GetApiKeysAsync(includeValues: false, ct), null, request.Name)
                      ?? await apiGateway.CreateApiKeyAsync(request, ct);
            }
            step.Set(created, key.Id);
            step.Record(Record(logicalName, key.Id, request.Name));
        }, produces: [created]);
        return created;
    }

    /// <summary>The key of that name with the stage's tag (any of that name when <paramref name="names"/> is null: one just created).</summary>
    private static ApiKey? Ours(IReadOnlyList<ApiKey> keys, ResourceNames? names, string name)
    {
        var candidates = keys.Where(k => k.Name == name && (names is null || k.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue)).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousResourceException(
                $"There are {candidates.Count} API keys named {name} ({string.Join(", ", candidates.Select(k => k.Id))}); delete the ones you do not use, then deploy again."),
        };
    }

    /// <inheritdoc/>
    protected override Task<DeployedApiKey?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        // Keys are named after the config's entries, which a delete without a state file does not read.
        Task.FromResult<DeployedApiKey?>(null);

    /// <inheritdoc/>
    protected override string Describe(DeployedApiKey record) => $"API key {record.ApiKeyName} ({record.ApiKeyId})";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedApiKey record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.ApiGateway, "DeleteApiKey", record.ApiKeyId, "the stage no longer has the key",
            (_, ct) => IgnoringNotFound(aws.ApiGateway.DeleteApiKeyAsync(record.ApiKeyId, ct))),
    ];

    private static DeployedApiKey Record(string logicalName, string id, string name) => new() { Name = logicalName, ApiKeyId = id, ApiKeyName = name };

    /// <summary>The stage's API keys while planning.</summary>
    internal sealed class StageApiKeys
    {
        /// <summary>The id of each key, by its name in the config: known, or the output of the step that creates it.</summary>
        public Dictionary<string, Ref<string>> Ids { get; } = new(StringComparer.Ordinal);

        /// <summary>The ids of keys this deploy deletes to replace them (a deleted key leaves its plans with it).</summary>
        public HashSet<string> Replaced { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The key the app wants (never its value).</summary>
    /// <param name="Name">The key's name.</param>
    /// <param name="ValueFrom">The environment variable its value comes from, or null for a value AWS generates.</param>
    internal sealed record DesiredKey(string Name, string? ValueFrom);
}
