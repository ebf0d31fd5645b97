using Chalice.Deploy.Aws;
using Chalice.Deploy.Aws.EventBridge;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning.Resources;

/// <summary>
/// Plans the EventBridge rule of each schedule (<c>[Schedule]</c>) and event pattern (<c>[OnCloudWatchEvent]</c>)
/// function, as Chalice does: the rule <c>{app}-{stage}-{name}-event</c> on the default bus, the function as its one
/// target, and the statement that lets <c>events.amazonaws.com</c> invoke the function for that rule ARN only
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-lambda-permissions). A rule
/// found by name (a lost state file) is adopted and corrected, never made twice.
/// </summary>
internal sealed class EventRulePlanner : EventSourcePlanner<DeployedEventRule, FunctionManifest>
{
    /// <summary>The id of the function's target in its rule (Chalice's).</summary>
    public const string TargetId = "1";

    private const string Principal = "events.amazonaws.com";

    /// <inheritdoc/>
    public override string ResourceType => "cloudwatch_event";

    /// <inheritdoc/>
    protected override async Task PlanAsync(PlanningContext context, FunctionManifest function, FunctionTarget target, CancellationToken cancellationToken)
    {
        var (schedule, pattern, description) = function switch
        {
            ScheduleFunctionManifest scheduled => (scheduled.Expression, (string?)null, scheduled.Description),
            CloudWatchEventFunctionManifest watched => (null, watched.EventPattern, null),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        if (schedule is null && pattern is null)
            return;
        var events = context.Aws.EventBridge;
        var logicalName = $"{function.Name}-event";
        var ruleName = context.Names.RuleOf(function.Name);
        var statementId = InvokePermission.StatementIdFor(logicalName);
        var wanted = new PutRuleRequest
        {
            Name = ruleName,
            ScheduleExpression = schedule,
            EventPattern = pattern,
            State = "ENABLED",
            Description = description,
            Tags = new Dictionary<string, string> { [ResourceNames.TagKey] = context.Names.TagValue },
        };
        var resource = context.Resource(logicalName, ruleName, wanted);
        var functionArn = resource.Uses(target.Arn);
        DeployedEventRule Record(string ruleArn) =>
            new() { Name = logicalName, RuleName = ruleName, RuleArn = ruleArn, FunctionName = target.FunctionName, StatementId = statementId };

        var rule = await events.DescribeRuleAsync(ruleName, cancellationToken);
        resource.Observed = rule;
        Ref<string> ruleArn;
        if (rule?.Arn is { } existing)
        {
            resource.Adopt(Record(existing));
            ruleArn = Ref.Known("rule ARN", existing, logicalName);
            var changes = Changes(rule, wanted);
            if (changes.Count > 0)
                resource.Step(AwsService.EventBridge, "PutRule", string.Join(", ", changes), (_, ct) => events.PutRuleAsync(wanted, ct));
        }
        else
        {
            var created = new StepOutput<string>("rule ARN");
            resource.Step(AwsService.EventBridge, "PutRule", "the rule does not exist", async (step, ct) =>
            {
                var arn = await events.PutRuleAsync(wanted, ct);
                step.Set(created, arn);
                step.Record(Record(arn));
            }, produces: [created]);
            ruleArn = created;
        }

        var targets = rule is null || !functionArn.TryGetKnown(out _) ? [] : await events.ListTargetsByRuleAsync(ruleName, cancellationToken);
        if (!functionArn.TryGetKnown(out var knownArn) || !targets.Any(t => t.Id == TargetId && t.Arn == knownArn && t.Input is null))
        {
            resource.Step(AwsService.EventBridge, "PutTargets",
                rule is null ? "the rule is new" : functionArn.TryGetKnown(out _) ? "the rule does not target the function" : "the function is new",
                (step, ct) => events.PutTargetsAsync(ruleName, [new EventBridgeTarget { Id = TargetId, Arn = step.Get(functionArn) }], ct),
                consumes: [functionArn]);
        }

        var permission = ruleArn.Combine(functionArn, "invoke permission for the rule",
            (arn, _) => new InvokePermission(statementId, Principal, arn));
        await PlanPermissionAsync(context, resource, target, permission, cancellationToken);
    }

    /// <inheritdoc/>
    protected override string Describe(DeployedEventRule record) => $"EventBridge rule {record.RuleName}";

    /// <inheritdoc/>
    protected override IReadOnlyList<PlannedStep> PlanDeletion(DeployedEventRule record, IAwsApis aws) =>
    [
        DeletionStep(record, AwsService.EventBridge, "RemoveTargets", record.RuleName, "the rule is deleted",
            (_, ct) => IgnoringNotFound(aws.EventBridge.RemoveTargetsAsync(record.RuleName, [TargetId], ct))),
        DeletionStep(record, AwsService.EventBridge, "DeleteRule", record.RuleName, "the app no longer has the function",
            (_, ct) => IgnoringNotFound(aws.EventBridge.DeleteRuleAsync(record.RuleName, ct))),
        DeletionStep(record, AwsService.Lambda, "RemovePermission", record.FunctionName, "the rule is deleted",
            (_, ct) => InvokePermission.RemoveAsync(aws.Lambda, record.FunctionName, record.StatementId, ct)),
    ];

    private static List<string> Changes(EventBridgeRule actual, PutRuleRequest wanted)
    {
        List<string> changes = [];
        if (actual.ScheduleExpression != wanted.ScheduleExpression)
            changes.Add($"schedule {actual.ScheduleExpression ?? "(none)"} → {wanted.ScheduleExpression ?? "(none)"}");
        if (!PolicyJson.Same(actual.EventPattern, wanted.EventPattern))
            changes.Add("the event pattern changed");
        if (actual.State != wanted.State)
            changes.Add($"state {actual.State} → {wanted.State}");
        if ((actual.Description ?? "") != (wanted.Description ?? ""))
            changes.Add("the description changed");
        return changes;
    }
}
