using System.Globalization;
using Chalice.Configuration;
using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the usage plan of a stage with API keys or a <c>usage_plan</c>: a tagged plan named <c>{app}-{stage}</c> for
/// the REST API's stage, with the configured throttle and quota, and every key of the stage in it (API Gateway refuses a
/// key that no plan of the stage holds: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html).
/// An existing plan is found by name and tag and patched where it differs; keys the stage no longer has leave it.
/// </summary>
internal sealed class UsagePlanPlanner : ResourcePlanner<DeployedUsagePlan>
{
    /// <summary>The plan's logical name.</summary>
    public const string LogicalName = "usage_plan";

    /// <inheritdoc/>
    public override string ResourceType => "usage_plan";

    /// <inheritdoc/>
    public override IReadOnlyList<Export> Consumes => [ApiKeyPlanner.ApiKeyIds, RestApiPlanner.StageApiId];

    /// <inheritdoc/>
    public override async Task PlanAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        var config = context.Spec.Config;
        if (!context.Require(ApiKeyPlanner.ApiKeyIds).TryGetKnown(out var stageKeys))
            throw new InvalidOperationException($"{nameof(UsagePlanPlanner)} needs the map of API key ids while planning.");
        var keys = stageKeys.Ids;
        if (keys.Count == 0 && config.UsagePlan is null)
            return;
        if (context.Find(RestApiPlanner.StageApiId) is not { } apiId)
            throw new ChaliceConfigException(
                $"{config.Stage}: api_keys and usage_plan apply to a REST API, and this stage deploys " +
                (config.ApiGatewayType.IsHttpApi() ? "an HTTP API, which has no API keys" : "no API (the app has no routes)") + ".");

        var apiGateway = context.Aws.ApiGateway;
        var names = context.Names;
        var settings = config.UsagePlan ?? UsagePlanConfig.Unlimited;
        var stage = config.ApiGatewayStage;
        var resource = context.Resource(LogicalName, names.UsagePlan, settings);
        resource.Uses(apiId);
        foreach (var key in keys.Values)
            resource.Uses(key);

        var plan = Ours(await apiGateway.GetUsagePlansAsync(cancellationToken), names);
        resource.Observed = plan;
        Ref<string> planId;
        IReadOnlyList<UsagePlanKey> inPlan = [];
        if (plan is null)
        {
            var created = new StepOutput<string>("usage plan id");
            resource.Step(AwsService.ApiGateway, "CreateUsagePlan", "the plan does not exist", async (step, ct) =>
            {
                var request = new CreateUsagePlanRequest
                {
                    Name = names.UsagePlan,
                    Description = $"Chalice.Net app {names.App}, stage {names.Stage}",
                    ApiStages = [new ApiStage(step.Get(apiId), stage)],
                    Throttle = settings.Throttle is { } throttle ? new ThrottleSettings { RateLimit = throttle.RateLimit, BurstLimit = throttle.BurstLimit } : null,
                    Quota = settings.Quota is { } quota ? new QuotaSettings { Limit = quota.Limit, Period = quota.Period } : null,
                    Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = names.TagValue },
                };
                UsagePlan made;
                try
                {
                    made = await apiGateway.CreateUsagePlanAsync(request, ct);
                }
                catch (AwsServiceException e) when (e.MayHaveSucceeded)
                {
                    // The answer was lost: the plan may exist. Look before creating, or there would be two.
                    made = Ours(await apiGateway.GetUsagePlansAsync(ct), names) ?? await apiGateway.CreateUsagePlanAsync(request, ct);
                }
                step.Set(created, made.Id);
                step.Record(Record(made.Id));
            }, consumes: [apiId], produces: [created]);
            planId = created;
        }
        else
        {
            resource.Target = plan.Id;
            resource.Adopt(Record(plan.Id));
            planId = Ref.Known("usage plan id", plan.Id, LogicalName);
            var patches = Patches(plan, apiId.TryGetKnown(out var knownApi) ? knownApi : null, stage, settings);
            if (patches.Count > 0 || !apiId.TryGetKnown(out _))
            {
                resource.Step(AwsService.ApiGateway, "UpdateUsagePlan",
                    apiId.TryGetKnown(out _) ? string.Join(", ", patches.Select(p => $"{p.Op} {p.Path} {p.Value}".TrimEnd())) : "the REST API is new",
                    (step, ct) => apiGateway.UpdateUsagePlanAsync(plan.Id, Patches(plan, step.Get(apiId), stage, settings), ct), consumes: [apiId]);
            }
            inPlan = await apiGateway.GetUsagePlanKeysAsync(plan.Id, cancellationToken);
        }

        foreach (var (name, key) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (key.TryGetKnown(out var keyId) && inPlan.Any(k => k.Id == keyId))
                continue;
            resource.Step(AwsService.ApiGateway, "CreateUsagePlanKey", $"the key {name} is not in the plan",
                (step, ct) => AddKeyAsync(apiGateway, step.Get(planId), step.Get(key), ct), consumes: [planId, key]);
        }
        var wanted = keys.Values.Select(k => k.TryGetKnown(out var id) ? id : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var extra in inPlan.Where(k => !wanted.Contains(k.Id) && !stageKeys.Replaced.Contains(k.Id)))
        {
            resource.Step(AwsService.ApiGateway, "DeleteUsagePlanKey", $"the stage no longer has the key {extra.Name ?? extra.Id}",
                (step, ct) => IgnoringNotFound(apiGateway.DeleteUsagePlanKeyAsync(step.Get(planId), extra.Id, ct)), consumes: [planId]);
        }
    }

    /// <summary>The patch operations that give an existing plan the stage, throttle and quota it should have (none when it has them).</summary>
    /// <param name="plan">The plan as API Gateway describes it.</param>
    /// <param name="apiId">The REST API, or null while it is not known (every stage the plan names is then another API's).</param>
    /// <param name="stage">The API Gateway stage.</param>
    /// <param name="wanted">The throttle and quota.</param>
    internal static IReadOnlyList<PatchOperation> Patches(UsagePlan plan, string? apiId, string stage, UsagePlanConfig wanted)
    {
        // Paths and values as UpdateUsagePlan takes them: https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html#UpdateUsagePlan-Patch
        List<PatchOperation> patches = [];
        var stages = plan.ApiStages ?? [];
        if (apiId is not null && !stages.Any(s => s.ApiId == apiId && s.Stage == stage))
            patches.Add(new PatchOperation("add", "/apiStages", $"{apiId}:{stage}"));
        patches.AddRange(stages.Where(s => s.ApiId != apiId || s.Stage != stage).Select(s => new PatchOperation("remove", "/apiStages", $"{s.ApiId}:{s.Stage}")));

        var throttle = plan.Throttle is { RateLimit: not null } or { BurstLimit: not null } ? plan.Throttle : null;
        if (wanted.Throttle is { } limits)
        {
            if (throttle?.RateLimit != limits.RateLimit)
                patches.Add(new PatchOperation("replace", "/throttle/rateLimit", limits.RateLimit.ToString(CultureInfo.InvariantCulture)));
            if (throttle?.BurstLimit != limits.BurstLimit)
                patches.Add(new PatchOperation("replace", "/throttle/burstLimit", limits.BurstLimit.ToString(CultureInfo.InvariantCulture)));
        }
        else if (throttle is not null)
        {
            patches.Add(new PatchOperation("remove", "/throttle"));
        }

        var quota = plan.Quota is { Limit: not null } or { Period: not null } ? plan.Quota : null;
        if (wanted.Quota is { } allowance)
        {
            if (quota?.Limit != allowance.Limit)
                patches.Add(new PatchOperation("replace", "/quota/limit", allowance.Limit.ToString(CultureInfo.InvariantCulture)));
            if (quota?.Period != allowance.Period)
                patches.Add(new PatchOperation("replace", "/quota/period", allowance.Period));
        }
        else if (quota is not null)
        {
            patches.Add(new PatchOperation("remove", "/quota"));
        }
        return patches;
    }

    private static Task AddKeyAsync(IApiGatewayApi apiGateway, string planId, string keyId, CancellationToken cancellationToken) =>
        LostAnswers.CreateOrCheckAsync(
            () => apiGateway.CreateUsagePlanKeyAsync(planId, keyId, cancellationToken),
            async () => (await apiGateway.GetUsagePlanKeysAsync(planId, cancellationToken)).Any(k => k.Id == keyId));

    /// <summary>The stage's plan: the one of its name with its tag.</summary>
    private static UsagePlan? Ours(IReadOnlyList<UsagePlan> plans, ResourceNames names)
    {
        var candidates = plans.Where(p => p.Name == names.UsagePlan && p.Tags?.GetValueOrDefault(ResourceNames.TagKey) == names.TagValue).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousResourceException(
                $"There are {candidates.Count} usage plans named {names.UsagePlan} tagged {ResourceNames.TagKey}={names.TagValue} " +
                $"({string.Join(", ", candidates.Select(p => p.Id))}); delete the ones you do not use, then deploy again."),
        };
    }

    /// <inheritdoc/>
    protected override async Task<DeployedUsagePlan?> FindOursAsync(IAwsApis aws, ResourceNames names, CancellationToken cancellationToken) =>
        Ours(await aws.ApiGateway.GetUsagePlansAsync(cancellationToken), names) is { } plan ? Record(plan.Id) : null;

    /// <inheritdoc/>
    protected override string Describe(DeployedUsagePlan record) => $"usage plan {record.UsagePlanId}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedUsagePlan record, IAwsApis aws) =>
    [
        // A plan that still names a stage cannot be deleted: its stages leave it first.
        DeletionStep(record, AwsService.ApiGateway, "UpdateUsagePlan", record.UsagePlanId, "its stages leave the plan before it is deleted",
            async (_, ct) =>
            {
                var plan = (await aws.ApiGateway.GetUsagePlansAsync(ct)).FirstOrDefault(p => p.Id == record.UsagePlanId);
                if (plan?.ApiStages is [_, ..] stages)
                    await IgnoringNotFound(aws.ApiGateway.UpdateUsagePlanAsync(record.UsagePlanId,
                        [.. stages.Select(s => new PatchOperation("remove", "/apiStages", $"{s.ApiId}:{s.Stage}"))], ct));
            }),
        DeletionStep(record, AwsService.ApiGateway, "DeleteUsagePlan", record.UsagePlanId, "the stage no longer has API keys or a usage plan",
            (_, ct) => IgnoringNotFound(aws.ApiGateway.DeleteUsagePlanAsync(record.UsagePlanId, ct))),
    ];

    private static DeployedUsagePlan Record(string id) => new() { Name = LogicalName, UsagePlanId = id };
}
