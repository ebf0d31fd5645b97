namespace Chalice.Deploy.Aws.EventBridge;

/// <summary>The EventBridge operations the client calls, with how each behaves when replayed.</summary>
internal static class EventBridgeOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.EventBridge, name, replay);

    /// <summary><c>PutRule</c>: creates or replaces the rule of that name, so a replay converges.</summary>
    public static AwsOperation PutRule { get; } = Op("PutRule", ReplayBehavior.Converges);

    /// <summary><c>DescribeRule</c>.</summary>
    public static AwsOperation DescribeRule { get; } = Op("DescribeRule", ReplayBehavior.Read);

    /// <summary>
    /// <c>DeleteRule</c>: "If you call delete rule multiple times for the same rule, all calls will succeed"
    /// (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DeleteRule.html).
    /// </summary>
    public static AwsOperation DeleteRule { get; } = Op("DeleteRule", ReplayBehavior.Deletes);

    /// <summary><c>PutTargets</c>: a target of the same id is replaced, so a replay converges.</summary>
    public static AwsOperation PutTargets { get; } = Op("PutTargets", ReplayBehavior.Converges);

    /// <summary><c>RemoveTargets</c>: a replay finds the targets gone.</summary>
    public static AwsOperation RemoveTargets { get; } = Op("RemoveTargets", ReplayBehavior.Deletes);

    /// <summary><c>ListTargetsByRule</c>.</summary>
    public static AwsOperation ListTargetsByRule { get; } = Op("ListTargetsByRule", ReplayBehavior.Read);

    /// <summary><c>ListRules</c>.</summary>
    public static AwsOperation ListRules { get; } = Op("ListRules", ReplayBehavior.Read);

    /// <summary><c>TagResource</c>: setting the same tags twice converges.</summary>
    public static AwsOperation TagResource { get; } = Op("TagResource", ReplayBehavior.Converges);

    /// <summary><c>ListTagsForResource</c>.</summary>
    public static AwsOperation ListTagsForResource { get; } = Op("ListTagsForResource", ReplayBehavior.Read);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [PutRule, DescribeRule, DeleteRule, PutTargets, RemoveTargets, ListTargetsByRule, ListRules, TagResource, ListTagsForResource];
}
