namespace Chalice.Deploy.Aws.EventBridge;

/// <summary>
/// The EventBridge operations the deployer uses for schedules and event patterns: a rule on the default event bus,
/// its Lambda target, tags, and the lookups that find a rule again when the state file is lost.
/// </summary>
internal interface IEventBridgeApi
{
    /// <summary>Creates a rule, or replaces the definition of the rule of that name; returns the rule's ARN.</summary>
    Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default);

    /// <summary>A rule, or null when it does not exist.</summary>
    Task<EventBridgeRule?> DescribeRuleAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a rule (its targets must be removed first). Deleting a rule that does not exist succeeds.</summary>
    Task DeleteRuleAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds targets to a rule or replaces those of the same id.</summary>
    /// <exception cref="AwsServiceException">AWS rejected a target (the first failed entry's code and message).</exception>
    Task PutTargetsAsync(string rule, IReadOnlyList<EventBridgeTarget> targets, CancellationToken cancellationToken = default);

    /// <summary>Removes targets of a rule by id.</summary>
    /// <exception cref="AwsServiceException">AWS could not remove a target (the first failed entry's code and message).</exception>
    Task RemoveTargetsAsync(string rule, IReadOnlyList<string> targetIds, CancellationToken cancellationToken = default);

    /// <summary>A rule's targets (all pages).</summary>
    Task<IReadOnlyList<EventBridgeTarget>> ListTargetsByRuleAsync(string rule, CancellationToken cancellationToken = default);

    /// <summary>The rules whose names start with <paramref name="namePrefix"/> (all pages).</summary>
    Task<IReadOnlyList<EventBridgeRule>> ListRulesAsync(string namePrefix, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags of a rule (by ARN).</summary>
    Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>A rule's tags (by ARN).</summary>
    Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default);
}
