namespace Chalice.Deploy.State;

// The records of what wires an event source to one of the app's functions. Each names the Lambda function it invokes
// and, when the source needs one, the id of the statement it added to the function's policy.

/// <summary>An EventBridge rule (a schedule or an event pattern) with its Lambda target.</summary>
internal sealed record DeployedEventRule : DeployedResource
{
    /// <summary>The rule's name.</summary>
    public required string RuleName { get; init; }

    /// <summary>The rule's ARN.</summary>
    public required string RuleArn { get; init; }

    /// <summary>The function the rule targets.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function policy statement that lets EventBridge invoke it.</summary>
    public required string StatementId { get; init; }
}

/// <summary>A Lambda event source mapping on an SQS queue, a Kinesis stream or a DynamoDB stream.</summary>
internal sealed record DeployedEventSourceMapping : DeployedResource
{
    /// <summary>The mapping's id.</summary>
    public required string EventUuid { get; init; }

    /// <summary>The queue or stream.</summary>
    public required string EventSourceArn { get; init; }

    /// <summary>The function it invokes.</summary>
    public required string FunctionName { get; init; }
}

/// <summary>A <c>lambda</c> subscription of a function to an SNS topic.</summary>
internal sealed record DeployedSnsSubscription : DeployedResource
{
    /// <summary>The topic.</summary>
    public required string TopicArn { get; init; }

    /// <summary>The subscription.</summary>
    public required string SubscriptionArn { get; init; }

    /// <summary>The subscribed function.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function policy statement that lets SNS invoke it.</summary>
    public required string StatementId { get; init; }
}

/// <summary>The function's entry in an S3 bucket's notification configuration.</summary>
internal sealed record DeployedS3Notification : DeployedResource
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The entry's id in the bucket's configuration.</summary>
    public required string NotificationId { get; init; }

    /// <summary>The function it invokes.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function policy statement that lets S3 invoke it.</summary>
    public required string StatementId { get; init; }
}

/// <summary>The statement that lets API Gateway invoke a function as one of the API's Lambda authorizers.</summary>
internal sealed record DeployedAuthorizerPermission : DeployedResource
{
    /// <summary>The authorizer's function.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function policy statement.</summary>
    public required string StatementId { get; init; }

    /// <summary>The API's authorizers it allows, <c>…:{apiId}/authorizers/*</c>.</summary>
    public required string SourceArn { get; init; }
}
