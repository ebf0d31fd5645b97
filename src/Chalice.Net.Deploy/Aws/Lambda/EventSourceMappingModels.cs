using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.Lambda;

// Event source mappings (SQS queues, Kinesis and DynamoDB streams), shaped as in the Lambda API.

/// <summary>An event source mapping (<c>EventSourceMappingConfiguration</c>).</summary>
internal sealed record EventSourceMapping
{
    /// <summary>The mapping's id.</summary>
    [JsonPropertyName("UUID")]
    public string Uuid { get; init; } = "";

    /// <summary>The queue or stream.</summary>
    public string? EventSourceArn { get; init; }

    /// <summary>The function it invokes.</summary>
    public string? FunctionArn { get; init; }

    /// <summary>
    /// <c>Creating</c>, <c>Enabling</c>, <c>Enabled</c>, <c>Disabling</c>, <c>Disabled</c>, <c>Updating</c> or
    /// <c>Deleting</c> (the model's <c>State</c>).
    /// </summary>
    public string? State { get; init; }

    /// <summary>Why the mapping is in its state.</summary>
    public string? StateTransitionReason { get; init; }

    /// <summary>The most records per batch.</summary>
    public int? BatchSize { get; init; }

    /// <summary>How long Lambda gathers records before invoking, in seconds.</summary>
    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>The SQS mapping's maximum concurrency.</summary>
    public EventSourceScalingConfig? ScalingConfig { get; init; }

    /// <summary><c>ReportBatchItemFailures</c> when the function reports partial batch failures.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    /// <summary>A stream's starting position (<c>TRIM_HORIZON</c>, <c>LATEST</c>, <c>AT_TIMESTAMP</c>).</summary>
    public string? StartingPosition { get; init; }

    /// <summary>The mapping's ARN.</summary>
    public string? EventSourceMappingArn { get; init; }
}

/// <summary>How far Lambda scales an SQS mapping (<c>ScalingConfig</c>); an empty one removes the limit.</summary>
internal sealed record EventSourceScalingConfig
{
    /// <summary>The most concurrent function instances the mapping invokes (2 to 1000).</summary>
    public int? MaximumConcurrency { get; init; }
}

/// <summary>The input of <c>CreateEventSourceMapping</c>.</summary>
internal sealed record CreateEventSourceMappingRequest
{
    /// <summary>The function (name or ARN).</summary>
    public required string FunctionName { get; init; }

    /// <summary>The queue or stream.</summary>
    public required string EventSourceArn { get; init; }

    /// <summary>Whether Lambda polls at once (its default: true).</summary>
    public bool? Enabled { get; init; }

    /// <summary>The most records per batch.</summary>
    public int? BatchSize { get; init; }

    /// <summary>How long Lambda gathers records before invoking, in seconds.</summary>
    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>The SQS mapping's maximum concurrency.</summary>
    public EventSourceScalingConfig? ScalingConfig { get; init; }

    /// <summary><c>["ReportBatchItemFailures"]</c> when the function reports partial batch failures.</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }

    /// <summary>Where a stream mapping starts reading (required for Kinesis and DynamoDB streams).</summary>
    public string? StartingPosition { get; init; }
}

/// <summary>The input of <c>UpdateEventSourceMapping</c>; null members are left unchanged.</summary>
internal sealed record UpdateEventSourceMappingRequest
{
    /// <summary>The mapping's id (in the URI).</summary>
    [JsonIgnore]
    public string Uuid { get; init; } = "";

    /// <summary>A function to invoke instead.</summary>
    public string? FunctionName { get; init; }

    /// <summary>Pauses (false) or resumes (true) polling.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The most records per batch.</summary>
    public int? BatchSize { get; init; }

    /// <summary>How long Lambda gathers records before invoking, in seconds.</summary>
    public int? MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>The SQS mapping's maximum concurrency (an empty one removes the limit).</summary>
    public EventSourceScalingConfig? ScalingConfig { get; init; }

    /// <summary>The response types (an empty list turns partial batch failures off).</summary>
    public IReadOnlyList<string>? FunctionResponseTypes { get; init; }
}
