namespace Chalice.Deploy.Aws.EventBridge;

/// <summary>The input of <c>PutRule</c>: a rule on the default event bus with a schedule or an event pattern.</summary>
internal sealed record PutRuleRequest
{
    /// <summary>The rule name, unique per event bus.</summary>
    public required string Name { get; init; }

    /// <summary>A schedule, <c>rate(5 minutes)</c> or <c>cron(0 12 * * ? *)</c>.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>An event pattern (JSON).</summary>
    public string? EventPattern { get; init; }

    /// <summary><c>ENABLED</c> (AWS's default) or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to create the rule with (PutRule ignores them for an existing rule: use TagResource).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A rule as <c>DescribeRule</c> and <c>ListRules</c> return it.</summary>
internal sealed record EventBridgeRule
{
    /// <summary>The rule name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The rule ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>The event pattern, if any.</summary>
    public string? EventPattern { get; init; }

    /// <summary>The schedule, if any.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The role EventBridge uses for targets that need one (none for Lambda targets).</summary>
    public string? RoleArn { get; init; }

    /// <summary>The service managing the rule, if an AWS service made it.</summary>
    public string? ManagedBy { get; init; }

    /// <summary>The event bus (<c>default</c>).</summary>
    public string? EventBusName { get; init; }
}

/// <summary>A target of a rule.</summary>
internal sealed record EventBridgeTarget
{
    /// <summary>The target's id, unique within the rule.</summary>
    public required string Id { get; init; }

    /// <summary>The target's ARN (the Lambda function's).</summary>
    public required string Arn { get; init; }

    /// <summary>Constant JSON passed to the target instead of the event, if any.</summary>
    public string? Input { get; init; }
}
