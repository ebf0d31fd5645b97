namespace Chalice.Deploy.Aws.Logs;

/// <summary>
/// The CloudWatch Logs operations Chalice.Net uses: a function's log group with its retention
/// (<c>log_retention_in_days</c>) for the deployer, and <c>FilterLogEvents</c> for <c>chalice-net logs</c>.
/// </summary>
internal interface ICloudWatchLogsApi
{
    /// <summary>Creates a log group.</summary>
    Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>Sets how many days a log group keeps its events (one of the values CloudWatch Logs accepts).</summary>
    Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken = default);

    /// <summary>Makes a log group keep its events forever again.</summary>
    Task DeleteRetentionPolicyAsync(string logGroupName, CancellationToken cancellationToken = default);

    /// <summary>The log groups whose names start with <paramref name="logGroupNamePrefix"/> (all pages).</summary>
    Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string logGroupNamePrefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a log group and its events.</summary>
    Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken = default);

    /// <summary>One page of a log group's events, oldest first; follow <see cref="FilterLogEventsPage.NextToken"/> for the next.</summary>
    Task<FilterLogEventsPage> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default);
}
