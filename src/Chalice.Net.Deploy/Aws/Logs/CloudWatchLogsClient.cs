using Chalice.Deploy.Aws.Protocols;

namespace Chalice.Deploy.Aws.Logs;

/// <summary><see cref="ICloudWatchLogsApi"/> over CloudWatch Logs' JSON protocol (<c>Logs_20140328.*</c>).</summary>
internal sealed class CloudWatchLogsClient(JsonChannel channel) : ICloudWatchLogsApi
{
    private static LogsJsonContext Json => LogsJsonContext.Default;

    public Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LogsOperations.CreateLogGroup, new CreateLogGroupInput(logGroupName, tags is { Count: > 0 } ? tags : null),
            Json.CreateLogGroupInput, cancellationToken);

    public Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LogsOperations.PutRetentionPolicy, new PutRetentionPolicyInput(logGroupName, retentionInDays),
            Json.PutRetentionPolicyInput, cancellationToken);

    public Task DeleteRetentionPolicyAsync(string logGroupName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LogsOperations.DeleteRetentionPolicy, new LogGroupNameInput(logGroupName), Json.LogGroupNameInput, cancellationToken);

    public async Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string logGroupNamePrefix, CancellationToken cancellationToken = default)
    {
        var groups = new List<LogGroup>();
        string? token = null;
        do
        {
            var page = await channel.SendAsync(LogsOperations.DescribeLogGroups, new DescribeLogGroupsInput(logGroupNamePrefix, token),
                Json.DescribeLogGroupsInput, Json.DescribeLogGroupsOutput, cancellationToken).ConfigureAwait(false);
            groups.AddRange((page.LogGroups ?? []).Select(g => new LogGroup(
                g.LogGroupName ?? "", g.RetentionInDays, g.Arn, g.CreationTime is { } created ? DateTimeOffset.FromUnixTimeMilliseconds(created) : null)));
            token = page.NextToken is { Length: > 0 } next && next != token ? next : null;
        }
        while (token is not null);
        return groups;
    }

    public Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken = default) =>
        channel.SendAsync(LogsOperations.DeleteLogGroup, new LogGroupNameInput(logGroupName), Json.LogGroupNameInput, cancellationToken);

    public async Task<FilterLogEventsPage> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default)
    {
        var input = new FilterLogEventsInput(
            request.LogGroupName, request.LogStreamNames, request.StartTime?.ToUnixTimeMilliseconds(), request.NextToken, request.Limit,
            Interleaved: true);
        var output = await channel.SendAsync(LogsOperations.FilterLogEvents, input, Json.FilterLogEventsInput, Json.FilterLogEventsOutput,
            cancellationToken).ConfigureAwait(false);
        var events = (output.Events ?? []).Select(e => new FilteredLogEvent(
            e.EventId ?? "", e.LogStreamName ?? "", DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp ?? 0), e.Message ?? "",
            e.IngestionTime is { } ingested ? DateTimeOffset.FromUnixTimeMilliseconds(ingested) : null)).ToList();
        return new FilterLogEventsPage(events, output.NextToken is { Length: > 0 } next ? next : null);
    }
}
