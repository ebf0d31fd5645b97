using Chalice.Deploy.Aws.Protocols;

namespace Chalice.Deploy.Aws.EventBridge;

/// <summary><see cref="IEventBridgeApi"/> over EventBridge's JSON protocol (<c>AWSEvents.*</c>).</summary>
internal sealed class EventBridgeClient(JsonChannel channel) : IEventBridgeApi
{
    private static EventBridgeJsonContext Json => EventBridgeJsonContext.Default;

    public async Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default)
    {
        var input = new PutRuleInput(request.Name, request.ScheduleExpression, request.EventPattern, request.State, request.Description,
            TagList(request.Tags));
        var output = await channel.SendAsync(EventBridgeOperations.PutRule, input, Json.PutRuleInput, Json.PutRuleOutput, cancellationToken)
            .ConfigureAwait(false);
        return output.RuleArn ?? "";
    }

    public Task<EventBridgeRule?> DescribeRuleAsync(string name, CancellationToken cancellationToken = default) =>
        channel.SendAsync(EventBridgeOperations.DescribeRule, new RuleNameInput(name), Json.RuleNameInput, Json.EventBridgeRule, cancellationToken)
            .OrNullIfNotFound();

    public Task DeleteRuleAsync(string name, CancellationToken cancellationToken = default) =>
        channel.SendAsync(EventBridgeOperations.DeleteRule, new RuleNameInput(name), Json.RuleNameInput, cancellationToken);

    public async Task PutTargetsAsync(string rule, IReadOnlyList<EventBridgeTarget> targets, CancellationToken cancellationToken = default)
    {
        var output = await channel.SendAsync(EventBridgeOperations.PutTargets, new PutTargetsInput(rule, targets), Json.PutTargetsInput,
            Json.TargetsOutput, cancellationToken).ConfigureAwait(false);
        ThrowIfAnyFailed(EventBridgeOperations.PutTargets, output);
    }

    public async Task RemoveTargetsAsync(string rule, IReadOnlyList<string> targetIds, CancellationToken cancellationToken = default)
    {
        var output = await channel.SendAsync(EventBridgeOperations.RemoveTargets, new RemoveTargetsInput(rule, targetIds),
            Json.RemoveTargetsInput, Json.TargetsOutput, cancellationToken).ConfigureAwait(false);
        ThrowIfAnyFailed(EventBridgeOperations.RemoveTargets, output);
    }

    public async Task<IReadOnlyList<EventBridgeTarget>> ListTargetsByRuleAsync(string rule, CancellationToken cancellationToken = default)
    {
        var targets = new List<EventBridgeTarget>();
        string? token = null;
        do
        {
            var page = await channel.SendAsync(EventBridgeOperations.ListTargetsByRule, new ListTargetsByRuleInput(rule, token),
                Json.ListTargetsByRuleInput, Json.ListTargetsByRuleOutput, cancellationToken).ConfigureAwait(false);
            targets.AddRange(page.Targets ?? []);
            token = NextToken(page.NextToken, token);
        }
        while (token is not null);
        return targets;
    }

    public async Task<IReadOnlyList<EventBridgeRule>> ListRulesAsync(string namePrefix, CancellationToken cancellationToken = default)
    {
        var rules = new List<EventBridgeRule>();
        string? token = null;
        do
        {
            var page = await channel.SendAsync(EventBridgeOperations.ListRules, new ListRulesInput(namePrefix, token),
                Json.ListRulesInput, Json.ListRulesOutput, cancellationToken).ConfigureAwait(false);
            rules.AddRange(page.Rules ?? []);
            token = NextToken(page.NextToken, token);
        }
        while (token is not null);
        return rules;
    }

    public Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        channel.SendAsync(EventBridgeOperations.TagResource, new TagResourceInput(resourceArn, TagList(tags)!), Json.TagResourceInput,
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        var output = await channel.SendAsync(EventBridgeOperations.ListTagsForResource, new ResourceArnInput(resourceArn),
            Json.ResourceArnInput, Json.ListTagsOutput, cancellationToken).ConfigureAwait(false);
        return (output.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    private static List<Tag>? TagList(IReadOnlyDictionary<string, string>? tags) =>
        tags?.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag(t.Key, t.Value)).ToList();

    // A page token that repeats would loop forever: treat it as the end.
    private static string? NextToken(string? next, string? current) => next is { Length: > 0 } && next != current ? next : null;

    /// <summary>
    /// PutTargets and RemoveTargets answer 200 even when targets fail, listing them in <c>FailedEntries</c>
    /// (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html): that is a failure too.
    /// </summary>
    private static void ThrowIfAnyFailed(AwsOperation operation, TargetsOutput output)
    {
        if (output.FailedEntries is not [var first, ..])
            return;
        var all = string.Join(", ", output.FailedEntries.Select(f => f.TargetId));
        throw new AwsServiceException(operation.Service.ServiceId, operation.Name, System.Net.HttpStatusCode.OK,
            first.ErrorCode ?? "FailedEntry", $"target {first.TargetId}: {first.ErrorMessage} (failed targets: {all})", null);
    }
}
