namespace Chalice.Generators.Model;

/// <summary>
/// One function of the app besides the API: an event handler or a pure function. Its kind is its
/// <see cref="EventSourceModel"/>'s (a pure function has none); adding a kind is one source record, its parsing, its
/// emitted settings and its manifest record.
/// </summary>
/// <param name="Name">The function's name: the attribute's <c>Name</c>, else the method's.</param>
/// <param name="Handler">The method and how to call it.</param>
/// <param name="EventType">The type the handler takes its event or input as, fully qualified; null when it takes none.</param>
/// <param name="ReadsOwnType">The event is read as <see cref="EventType"/> through the app's JSON metadata (a pure
/// function's input, a typed EventBridge detail) rather than as the source's own event type.</param>
/// <param name="ReturnsBatchResponse">The handler reports partial batch failures with a <c>BatchResponse</c>.</param>
/// <param name="Source">The event source's settings; null for a pure function.</param>
internal sealed record FunctionModel(
    string Name,
    HandlerModel Handler,
    string? EventType,
    bool ReadsOwnType,
    bool ReturnsBatchResponse,
    EventSourceModel? Source);

/// <summary>An event source's settings, as the attribute gives them (defaults filled in).</summary>
internal abstract record EventSourceModel;

/// <summary><c>[Schedule]</c>.</summary>
internal sealed record ScheduleSourceModel(string Expression, string? Description) : EventSourceModel;

/// <summary><c>[OnS3Event]</c>.</summary>
internal sealed record S3SourceModel(string Bucket, EquatableArray<string> Events, string? Prefix, string? Suffix) : EventSourceModel;

/// <summary><c>[OnSqsMessage]</c>; <c>MaximumConcurrency</c> is null when unset.</summary>
internal sealed record SqsSourceModel(string? Queue, string? QueueArn, int BatchSize, int MaximumBatchingWindowInSeconds, int? MaximumConcurrency)
    : EventSourceModel;

/// <summary><c>[OnSnsMessage]</c>.</summary>
internal sealed record SnsSourceModel(string Topic) : EventSourceModel;

/// <summary><c>[OnCloudWatchEvent]</c>.</summary>
internal sealed record CloudWatchSourceModel(string EventPattern) : EventSourceModel;

/// <summary><c>[OnKinesisRecord]</c>; <c>StartingPosition</c> is the member name of <c>Chalice.StartingPosition</c>.</summary>
internal sealed record KinesisSourceModel(string Stream, int BatchSize, string StartingPosition, int MaximumBatchingWindowInSeconds) : EventSourceModel;

/// <summary><c>[OnDynamoDBRecord]</c>; <c>StartingPosition</c> is the member name of <c>Chalice.StartingPosition</c>.</summary>
internal sealed record DynamoDBSourceModel(string StreamArn, int BatchSize, string StartingPosition, int MaximumBatchingWindowInSeconds) : EventSourceModel;

/// <summary>
/// <c>[Authorizer]</c>: <c>Type</c> is <c>TOKEN</c> or <c>REQUEST</c>; identity sources in API Gateway's syntax;
/// <c>SimpleResponses</c> when the method returns a <c>SimpleAuthResponse</c>.
/// </summary>
internal sealed record AuthorizerSourceModel(string Type, EquatableArray<string> IdentitySources, int TtlSeconds, bool SimpleResponses = false)
    : EventSourceModel;
