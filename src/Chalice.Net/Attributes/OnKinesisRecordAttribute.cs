using Chalice.Functions;

namespace Chalice;

/// <summary>
/// Runs the method for records of a Kinesis data stream (Chalice's <c>on_kinesis_record</c>): an event source mapping
/// sends it batches as <see cref="Events.KinesisEvent"/>. Return a <see cref="Events.BatchResponse"/> to report the
/// records that failed; throwing fails the whole batch.
/// </summary>
/// <example><c>[OnKinesisRecord("clicks", BatchSize = 500, StartingPosition = StartingPosition.TrimHorizon)]</c></example>
/// <param name="stream">The stream's name.</param>
public sealed class OnKinesisRecordAttribute(string stream) : FunctionAttribute
{
    /// <summary>The stream.</summary>
    public string Stream { get; } = stream;

    /// <summary>How many records a batch holds at most (default 100; up to 10,000).</summary>
    public int BatchSize { get; set; } = EventSourceDefaults.StreamBatchSize;

    /// <summary>Where reading starts (default <see cref="Chalice.StartingPosition.Latest"/>).</summary>
    public StartingPosition StartingPosition { get; set; }

    /// <summary>How long Lambda gathers records before it invokes (0 to 300 seconds; at least 1 for a batch size above 10).</summary>
    public int MaximumBatchingWindowInSeconds { get; set; } = EventSourceDefaults.MaximumBatchingWindowInSeconds;
}
