namespace Chalice.Functions;

/// <summary>
/// What a function's attribute says about its event source: the settings the emulator (which raises its events
/// locally), the sample events of <c>chalice-net invoke</c> and the deployer (through the manifest) work from. One
/// record per <see cref="FunctionKind"/>; a pure function has none.
/// </summary>
public abstract record EventSourceSettings
{
    private protected EventSourceSettings()
    {
    }

    /// <summary>The kind of function this source invokes.</summary>
    public abstract FunctionKind Kind { get; }
}

/// <summary><c>[Schedule]</c>.</summary>
/// <param name="Expression">EventBridge's <c>rate(…)</c> or <c>cron(…)</c>.</param>
/// <param name="Description">The rule's description, if given.</param>
public sealed record ScheduleSettings(string Expression, string? Description) : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.Schedule;
}

/// <summary><c>[OnS3Event]</c>.</summary>
/// <param name="Bucket">The bucket's name.</param>
/// <param name="Events">The S3 event types, e.g. <c>s3:ObjectCreated:*</c>.</param>
/// <param name="Prefix">Only keys that start with this, if given.</param>
/// <param name="Suffix">Only keys that end with this, if given.</param>
public sealed record S3EventSettings(string Bucket, IReadOnlyList<string> Events, string? Prefix, string? Suffix) : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.S3;
}

/// <summary><c>[OnSqsMessage]</c>.</summary>
/// <param name="Queue">The queue's name, when given by name.</param>
/// <param name="QueueArn">The queue's ARN, when given by ARN.</param>
/// <param name="BatchSize">The largest batch.</param>
/// <param name="MaximumBatchingWindowInSeconds">How long Lambda gathers messages.</param>
/// <param name="MaximumConcurrency">The most invocations at once, or null for Lambda's own scaling.</param>
public sealed record SqsSettings(string? Queue, string? QueueArn, int BatchSize, int MaximumBatchingWindowInSeconds, int? MaximumConcurrency)
    : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.Sqs;

    /// <summary>The queue's name: <see cref="Queue"/>, or the last part of <see cref="QueueArn"/>.</summary>
    public string QueueName => Queue ?? QueueArn![(QueueArn!.LastIndexOf(':') + 1)..];
}

/// <summary><c>[OnSnsMessage]</c>.</summary>
/// <param name="Topic">The topic's name or ARN.</param>
public sealed record SnsSettings(string Topic) : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.Sns;

    /// <summary>The topic's name, also when <see cref="Topic"/> is an ARN.</summary>
    public string TopicName => Topic.StartsWith("arn:", StringComparison.Ordinal) ? Topic[(Topic.LastIndexOf(':') + 1)..] : Topic;
}

/// <summary><c>[OnCloudWatchEvent]</c>.</summary>
/// <param name="EventPattern">The event pattern's JSON.</param>
public sealed record CloudWatchEventSettings(string EventPattern) : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.CloudWatch;
}

/// <summary><c>[OnKinesisRecord]</c>.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="BatchSize">The largest batch.</param>
/// <param name="StartingPosition">Where reading starts.</param>
/// <param name="MaximumBatchingWindowInSeconds">How long Lambda gathers records.</param>
public sealed record KinesisSettings(string Stream, int BatchSize, StartingPosition StartingPosition, int MaximumBatchingWindowInSeconds)
    : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.Kinesis;
}

/// <summary><c>[OnDynamoDBRecord]</c>.</summary>
/// <param name="StreamArn">The stream's ARN.</param>
/// <param name="BatchSize">The largest batch.</param>
/// <param name="StartingPosition">Where reading starts.</param>
/// <param name="MaximumBatchingWindowInSeconds">How long Lambda gathers records.</param>
public sealed record DynamoDBStreamSettings(string StreamArn, int BatchSize, StartingPosition StartingPosition, int MaximumBatchingWindowInSeconds)
    : EventSourceSettings
{
    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.DynamoDB;
}

/// <summary><c>[Authorizer]</c>.</summary>
/// <param name="Type"><c>TOKEN</c> or <c>REQUEST</c>.</param>
/// <param name="IdentitySources">
/// Where API Gateway finds the caller's identity, in its syntax (<c>method.request.header.Authorization</c>,
/// <c>method.request.querystring.NAME</c>, <c>stageVariables.NAME</c>, <c>context.NAME</c>): a <c>TOKEN</c>
/// authorizer's one header, or a <c>REQUEST</c> authorizer's sources. A request without one of them is answered 401.
/// </param>
/// <param name="TtlSeconds">How long an answer is cached per identity; 0 turns the cache off.</param>
/// <param name="SimpleResponses">
/// It answers with a <see cref="SimpleAuthResponse"/> (HTTP APIs' simple responses) rather than an IAM policy.
/// </param>
public sealed record AuthorizerSettings(string Type, IReadOnlyList<string> IdentitySources, int TtlSeconds, bool SimpleResponses = false)
    : EventSourceSettings
{
    /// <summary>API Gateway's name for an authorizer that receives one header's value.</summary>
    public const string TokenType = EventSourceDefaults.AuthorizerTokenType;

    /// <summary>API Gateway's name for an authorizer that receives the request.</summary>
    public const string RequestType = EventSourceDefaults.AuthorizerRequestType;

    /// <inheritdoc />
    public override FunctionKind Kind => FunctionKind.Authorizer;
}
