using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.Logs;

// CloudWatch Logs' request and response bodies, named as in its model (camelCase; times in epoch milliseconds).

internal sealed record CreateLogGroupInput(string LogGroupName, IReadOnlyDictionary<string, string>? Tags);

internal sealed record LogGroupNameInput(string LogGroupName);

internal sealed record PutRetentionPolicyInput(string LogGroupName, int RetentionInDays);

internal sealed record DescribeLogGroupsInput(string? LogGroupNamePrefix, string? NextToken);

internal sealed record LogGroupOutput(string? LogGroupName, long? CreationTime, int? RetentionInDays, string? Arn);

internal sealed record DescribeLogGroupsOutput(IReadOnlyList<LogGroupOutput>? LogGroups, string? NextToken);

internal sealed record FilterLogEventsInput(
    string LogGroupName, IReadOnlyList<string>? LogStreamNames, long? StartTime, string? NextToken, int? Limit, bool Interleaved);

internal sealed record FilteredLogEventOutput(string? LogStreamName, long? Timestamp, string? Message, long? IngestionTime, string? EventId);

internal sealed record FilterLogEventsOutput(IReadOnlyList<FilteredLogEventOutput>? Events, string? NextToken);

/// <summary>Source-generated JSON metadata for CloudWatch Logs' wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateLogGroupInput))]
[JsonSerializable(typeof(LogGroupNameInput))]
[JsonSerializable(typeof(PutRetentionPolicyInput))]
[JsonSerializable(typeof(DescribeLogGroupsInput))]
[JsonSerializable(typeof(DescribeLogGroupsOutput))]
[JsonSerializable(typeof(FilterLogEventsInput))]
[JsonSerializable(typeof(FilterLogEventsOutput))]
internal sealed partial class LogsJsonContext : JsonSerializerContext;
