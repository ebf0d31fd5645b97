using System.Globalization;
using System.Net;
using Chalice.Deploy.Aws.ApiGateway;
using static Chalice.Deploy.Aws.ApiGateway.ApiGatewayOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// API keys and usage plans in memory, answering as moto does (InMemoryAwsParityTests): names are not unique, a key is
/// in a plan once, unknown key and plan ids are NotFoundException ("Invalid API Key identifier specified", "Invalid
/// Usage Plan ID specified"). Like moto, a plan's stages are not checked here; the planner tests check instead that the
/// plan is made after the stage.
/// </summary>
internal sealed partial class InMemoryApiGateway
{
    private readonly Dictionary<string, ApiKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UsagePlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _planKeys = new(StringComparer.Ordinal);

    /// <summary>The API keys that exist, with their values, for assertions.</summary>
    public IReadOnlyList<ApiKey> ApiKeys => [.. _keys.Values];

    /// <summary>The usage plans that exist, for assertions.</summary>
    public IReadOnlyList<UsagePlan> UsagePlans => [.. _plans.Values];

    /// <summary>The ids of the keys in a plan, for assertions.</summary>
    public IReadOnlyList<string> KeysOf(string usagePlanId) => [.. _planKeys.GetValueOrDefault(usagePlanId) ?? []];

    public Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(bool includeValues, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<ApiKey>>(GetApiKeys, () => [.. _keys.Values.Select(k => includeValues ? k : k with { Value = null })]);

    public Task<ApiKey> CreateApiKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateApiKey, () =>
        {
            var key = new ApiKey
            {
                Id = NextId(10), Name = request.Name, Description = request.Description, Enabled = request.Enabled,
                Value = request.Value ?? $"generated-value-{_ids:D8}-{Guid.NewGuid():N}",
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()),
            };
            _keys[key.Id] = key;
            return key;
        });

    public Task<ApiKey> UpdateApiKeyAsync(string apiKeyId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateApiKey, () =>
        {
            var key = FindKey(UpdateApiKey, apiKeyId);
            foreach (var operation in operations)
            {
                key = operation is { Op: "replace", Path: "/enabled" }
                    ? key with { Enabled = operation.Value == "true" }
                    : throw InMemoryCalls.Error(UpdateApiKey, HttpStatusCode.BadRequest, "BadRequestException", $"Invalid patch path {operation.Path}");
            }
            return _keys[apiKeyId] = key;
        });

    public Task DeleteApiKeyAsync(string apiKeyId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteApiKey, () =>
        {
            FindKey(DeleteApiKey, apiKeyId);
            _keys.Remove(apiKeyId);
            // A deleted key leaves the plans that held it.
            foreach (var keys in _planKeys.Values)
                keys.Remove(apiKeyId);
        });

    public Task<IReadOnlyList<UsagePlan>> GetUsagePlansAsync(CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<UsagePlan>>(GetUsagePlans, () => [.. _plans.Values]);

    public Task<UsagePlan> CreateUsagePlanAsync(CreateUsagePlanRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(CreateUsagePlan, () =>
        {
            var plan = new UsagePlan
            {
                Id = NextId(6), Name = request.Name, Description = request.Description, ApiStages = [.. request.ApiStages ?? []],
                Throttle = request.Throttle, Quota = request.Quota,
                Tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()),
            };
            _plans[plan.Id] = plan;
            _planKeys[plan.Id] = [];
            return plan;
        });

    /// <summary>The patch operations the deployer sends (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html#UpdateUsagePlan-Patch).</summary>
    public Task<UsagePlan> UpdateUsagePlanAsync(string usagePlanId, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken = default) =>
        calls.Run(UpdateUsagePlan, () =>
        {
            var plan = FindPlan(UpdateUsagePlan, usagePlanId);
            foreach (var operation in operations)
            {
                plan = (operation.Op, operation.Path) switch
                {
                    ("add", "/apiStages") => plan with { ApiStages = [.. plan.ApiStages ?? [], ParseStage(operation.Value!)] },
                    ("remove", "/apiStages") => plan with { ApiStages = [.. (plan.ApiStages ?? []).Where(s => s != ParseStage(operation.Value!))] },
                    ("replace", "/throttle/rateLimit") => plan with { Throttle = (plan.Throttle ?? new()) with { RateLimit = double.Parse(operation.Value!, CultureInfo.InvariantCulture) } },
                    ("replace", "/throttle/burstLimit") => plan with { Throttle = (plan.Throttle ?? new()) with { BurstLimit = int.Parse(operation.Value!, CultureInfo.InvariantCulture) } },
                    ("remove", "/throttle") => plan with { Throttle = null },
                    ("replace", "/quota/limit") => plan with { Quota = (plan.Quota ?? new()) with { Limit = int.Parse(operation.Value!, CultureInfo.InvariantCulture) } },
                    ("replace", "/quota/period") => plan with { Quota = (plan.Quota ?? new()) with { Period = operation.Value } },
                    ("remove", "/quota") => plan with { Quota = null },
                    _ => throw InMemoryCalls.Error(UpdateUsagePlan, HttpStatusCode.BadRequest, "BadRequestException", $"Invalid patch path {operation.Path}"),
                };
            }
            return _plans[usagePlanId] = plan;
        });

    public Task DeleteUsagePlanAsync(string usagePlanId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteUsagePlan, () =>
        {
            FindPlan(DeleteUsagePlan, usagePlanId);
            _plans.Remove(usagePlanId);
            _planKeys.Remove(usagePlanId);
        });

    public Task<IReadOnlyList<UsagePlanKey>> GetUsagePlanKeysAsync(string usagePlanId, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<UsagePlanKey>>(GetUsagePlanKeys, () =>
        {
            FindPlan(GetUsagePlanKeys, usagePlanId);
            return [.. _planKeys[usagePlanId].Select(id => new UsagePlanKey { Id = id, Type = "API_KEY", Name = _keys[id].Name })];
        });

    public Task<UsagePlanKey> CreateUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default) =>
        calls.Run(CreateUsagePlanKey, () =>
        {
            FindPlan(CreateUsagePlanKey, usagePlanId);
            var key = FindKey(CreateUsagePlanKey, apiKeyId);
            if (!_planKeys[usagePlanId].Contains(apiKeyId))
                _planKeys[usagePlanId].Add(apiKeyId);
            return new UsagePlanKey { Id = apiKeyId, Type = "API_KEY", Name = key.Name };
        });

    public Task DeleteUsagePlanKeyAsync(string usagePlanId, string apiKeyId, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteUsagePlanKey, () =>
        {
            FindPlan(DeleteUsagePlanKey, usagePlanId);
            if (!_planKeys[usagePlanId].Remove(apiKeyId))
                throw InMemoryCalls.Error(DeleteUsagePlanKey, HttpStatusCode.NotFound, "NotFoundException", "Invalid API Key identifier specified");
        });

    private static ApiStage ParseStage(string value) => value.Split(':', 2) is [var api, var stage] ? new ApiStage(api, stage) : new ApiStage(value, "");

    private ApiKey FindKey(Chalice.Deploy.Aws.AwsOperation operation, string id) =>
        _keys.TryGetValue(id, out var key) ? key
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFoundException", "Invalid API Key identifier specified");

    private UsagePlan FindPlan(Chalice.Deploy.Aws.AwsOperation operation, string id) =>
        _plans.TryGetValue(id, out var plan) ? plan
            : throw InMemoryCalls.Error(operation, HttpStatusCode.NotFound, "NotFoundException", "Invalid Usage Plan ID specified");
}
