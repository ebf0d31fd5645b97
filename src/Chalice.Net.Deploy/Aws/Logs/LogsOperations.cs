namespace Chalice.Deploy.Aws.Logs;

/// <summary>The CloudWatch Logs operations the client calls, with how each behaves when replayed.</summary>
internal static class LogsOperations
{
    private static AwsOperation Op(string name, ReplayBehavior replay) => new(AwsService.CloudWatchLogs, name, replay);

    /// <summary><c>CreateLogGroup</c>: a replay of a create that did succeed fails with ResourceAlreadyExistsException.</summary>
    public static AwsOperation CreateLogGroup { get; } = Op("CreateLogGroup", ReplayBehavior.ConflictsOnReplay);

    /// <summary><c>PutRetentionPolicy</c>: sets an absolute value.</summary>
    public static AwsOperation PutRetentionPolicy { get; } = Op("PutRetentionPolicy", ReplayBehavior.Converges);

    /// <summary><c>DeleteRetentionPolicy</c>: removing it twice leaves none.</summary>
    public static AwsOperation DeleteRetentionPolicy { get; } = Op("DeleteRetentionPolicy", ReplayBehavior.Converges);

    /// <summary><c>DescribeLogGroups</c>.</summary>
    public static AwsOperation DescribeLogGroups { get; } = Op("DescribeLogGroups", ReplayBehavior.Read);

    /// <summary><c>DeleteLogGroup</c>: a replay finds the group gone.</summary>
    public static AwsOperation DeleteLogGroup { get; } = Op("DeleteLogGroup", ReplayBehavior.Deletes);

    /// <summary><c>FilterLogEvents</c>.</summary>
    public static AwsOperation FilterLogEvents { get; } = Op("FilterLogEvents", ReplayBehavior.Read);

    /// <summary>Every operation above.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } =
    [CreateLogGroup, PutRetentionPolicy, DeleteRetentionPolicy, DescribeLogGroups, DeleteLogGroup, FilterLogEvents];
}
