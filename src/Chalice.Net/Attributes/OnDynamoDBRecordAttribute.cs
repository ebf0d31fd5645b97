using Chalice.Functions;

namespace Chalice;

/// <summary>
/// Runs the method for changes in a DynamoDB table's stream (Chalice's <c>on_dynamodb_record</c>): an event source
/// mapping sends it batches as <see cref="Events.DynamoDBEvent"/>. Return a <see cref="Events.BatchResponse"/> to
/// report the records that failed; throwing fails the whole batch.
/// </summary>
/// <example><c>[OnDynamoDBRecord("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000")]</c></example>
/// <param name="streamArn">The stream's ARN (the table's <c>LatestStreamArn</c>).</param>
public sealed class OnDynamoDBRecordAttribute(string streamArn) : FunctionAttribute
{
    /// <summary>The stream's ARN.</summary>
    public string StreamArn { get; } = streamArn;

    /// <summary>How many records a batch holds at most (default 100; up to 10,000).</summary>
    public int BatchSize { get; set; } = EventSourceDefaults.StreamBatchSize;

    /// <summary>Where reading starts (default <see cref="Chalice.StartingPosition.Latest"/>).</summary>
    public StartingPosition StartingPosition { get; set; }

    /// <summary>How long Lambda gathers records before it invokes (0 to 300 seconds; at least 1 for a batch size above 10).</summary>
    public int MaximumBatchingWindowInSeconds { get; set; } = EventSourceDefaults.MaximumBatchingWindowInSeconds;
}
