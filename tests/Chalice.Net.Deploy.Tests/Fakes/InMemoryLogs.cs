using System.Globalization;
using System.Net;
using Chalice.Deploy.Aws.Logs;
using static Chalice.Deploy.Aws.Logs.LogsOperations;

namespace Chalice.Deploy.Tests.Fakes;

/// <summary>
/// CloudWatch Logs groups and events in memory, answering as CloudWatch Logs does (the model,
/// shared/fixtures/aws-models/logs/2014-03-28/service-2.json: ResourceNotFoundException and
/// ResourceAlreadyExistsException, both 400; retention days limited to the model's list of values). Tests write
/// events with <see cref="Write"/>, as Lambda would. <c>FilterLogEvents</c> interleaves every stream's events by
/// timestamp, starts at <c>startTime</c> inclusive, and pages by <see cref="PageSize"/> (or the request's limit).
/// </summary>
internal sealed class InMemoryLogs(InMemoryCalls calls, string region, string account) : ICloudWatchLogsApi
{
    // The values PutRetentionPolicy accepts (the model's Days documentation).
    private static readonly HashSet<int> s_retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private long _eventIds;

    /// <summary>The most events one <c>FilterLogEvents</c> page holds when the request sets no limit (AWS: 10,000).</summary>
    public int PageSize { get; set; } = 10_000;

    /// <summary>The clock of creation times.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Writes an event to a stream, creating the group and the stream as Lambda does; returns its id.</summary>
    public string Write(string logGroupName, string logStreamName, DateTimeOffset timestamp, string message)
    {
        if (!_groups.TryGetValue(logGroupName, out var group))
            _groups[logGroupName] = group = new Group(logGroupName, Time.GetUtcNow());
        var id = (++_eventIds).ToString("D20", CultureInfo.InvariantCulture);
        group.Events.Add(new FilteredLogEvent(id, logStreamName, timestamp, message, Time.GetUtcNow()));
        return id;
    }

    public Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default) =>
        calls.Run(CreateLogGroup, () =>
        {
            if (_groups.ContainsKey(logGroupName))
                throw InMemoryCalls.Error(CreateLogGroup, HttpStatusCode.BadRequest, "ResourceAlreadyExistsException", "The specified log group already exists");
            _groups[logGroupName] = new Group(logGroupName, Time.GetUtcNow());
        });

    public Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken = default) =>
        calls.Run(PutRetentionPolicy, () =>
        {
            var group = Find(PutRetentionPolicy, logGroupName);
            if (!s_retentionDays.Contains(retentionInDays))
                throw InMemoryCalls.Error(PutRetentionPolicy, HttpStatusCode.BadRequest, "InvalidParameterException",
                    $"{retentionInDays} is not a retention period CloudWatch Logs offers ({string.Join(", ", s_retentionDays)} days).");
            group.RetentionInDays = retentionInDays;
        });

    public Task DeleteRetentionPolicyAsync(string logGroupName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteRetentionPolicy, () => Find(DeleteRetentionPolicy, logGroupName).RetentionInDays = null);

    public Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string logGroupNamePrefix, CancellationToken cancellationToken = default) =>
        calls.Run<IReadOnlyList<LogGroup>>(DescribeLogGroups, () =>
            [.. _groups.Values.Where(g => g.Name.StartsWith(logGroupNamePrefix, StringComparison.Ordinal)).OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => new LogGroup(g.Name, g.RetentionInDays, $"arn:aws:logs:{region}:{account}:log-group:{g.Name}:*", g.Created))]);

    public Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken = default) =>
        calls.Run(DeleteLogGroup, () => _groups.Remove(Find(DeleteLogGroup, logGroupName).Name));

    public Task<FilterLogEventsPage> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        calls.Run(FilterLogEvents, () =>
        {
            var matching = Find(FilterLogEvents, request.LogGroupName).Events
                .Where(e => request.StartTime is not { } start || e.Timestamp.ToUnixTimeMilliseconds() >= start.ToUnixTimeMilliseconds())
                .Where(e => request.LogStreamNames is not { } streams || streams.Contains(e.LogStreamName))
                .OrderBy(e => e.Timestamp)
                .ToList();
            var skip = request.NextToken is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
            var take = request.Limit ?? PageSize;
            var page = matching.Skip(skip).Take(take).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return new FilterLogEventsPage(page, next);
        });

    private Group Find(Chalice.Deploy.Aws.AwsOperation operation, string name) =>
        _groups.TryGetValue(name, out var group)
            ? group
            : throw InMemoryCalls.Error(operation, HttpStatusCode.BadRequest, "ResourceNotFoundException", "The specified log group does not exist.");

    private sealed class Group(string name, DateTimeOffset created)
    {
        public string Name { get; } = name;

        public DateTimeOffset Created { get; } = created;

        public int? RetentionInDays { get; set; }

        public List<FilteredLogEvent> Events { get; } = [];
    }
}
