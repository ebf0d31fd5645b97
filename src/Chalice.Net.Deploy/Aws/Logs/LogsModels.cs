namespace Chalice.Deploy.Aws.Logs;

/// <summary>A log group as <c>DescribeLogGroups</c> returns it.</summary>
/// <param name="LogGroupName">The name, e.g. <c>/aws/lambda/app-dev</c>.</param>
/// <param name="RetentionInDays">Days its events are kept, or null for ever.</param>
/// <param name="Arn">The log group's ARN.</param>
/// <param name="CreationTime">When it was created.</param>
internal sealed record LogGroup(string LogGroupName, int? RetentionInDays, string? Arn, DateTimeOffset? CreationTime);

/// <summary>The input of <c>FilterLogEvents</c>.</summary>
/// <remarks>
/// The events of all streams come interleaved by time: the client always sends <c>interleaved: true</c>, which
/// CloudWatch Logs ignores since June 17, 2019 because it always interleaves (the model, which marks the member
/// deprecated: shared/fixtures/aws-models/logs/2014-03-28/service-2.json), and which moto 5.2.1 needs to do the same
/// (without it, it answers stream after stream). Chalice sends it too (<c>chalice/awsclient.py</c>).
/// </remarks>
internal sealed record FilterLogEventsRequest
{
    /// <summary>The log group.</summary>
    public required string LogGroupName { get; init; }

    /// <summary>Only these streams, if set.</summary>
    public IReadOnlyList<string>? LogStreamNames { get; init; }

    /// <summary>Only events at or after this time (millisecond precision).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The previous page's token.</summary>
    public string? NextToken { get; init; }

    /// <summary>The most events one page may hold (CloudWatch Logs' default is 10,000).</summary>
    public int? Limit { get; init; }
}

/// <summary>One page of <c>FilterLogEvents</c>.</summary>
/// <param name="Events">The events, oldest first.</param>
/// <param name="NextToken">The token of the next page, or null after the last one.</param>
internal sealed record FilterLogEventsPage(IReadOnlyList<FilteredLogEvent> Events, string? NextToken);

/// <summary>A log event.</summary>
/// <param name="EventId">Its id, unique within the log group.</param>
/// <param name="LogStreamName">The stream it was written to, e.g. <c>2024/05/01/[$LATEST]0123456789abcdef</c>.</param>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Message">The text.</param>
/// <param name="IngestionTime">When CloudWatch Logs received it.</param>
internal sealed record FilteredLogEvent(string EventId, string LogStreamName, DateTimeOffset Timestamp, string Message, DateTimeOffset? IngestionTime);
