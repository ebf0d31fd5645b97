namespace Chalice.Lambda;

/// <summary>The Lambda context of one invocation, as the runtime loop (or a test) describes it.</summary>
public sealed class LambdaContext : ILambdaContext
{
    private static readonly AsyncLocal<LambdaContext?> s_current = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a context; <paramref name="time"/> defaults to the system clock.</summary>
    public LambdaContext(string awsRequestId, DateTimeOffset deadline, TimeProvider? time = null)
    {
        AwsRequestId = awsRequestId;
        Deadline = deadline;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The invocation the Lambda runtime loop is serving on this call chain (null outside one), so that every log entry
    /// written while serving it carries its request and trace ids.
    /// </summary>
    internal static LambdaContext? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <inheritdoc />
    public string AwsRequestId { get; }

    /// <inheritdoc />
    public DateTimeOffset Deadline { get; }

    /// <inheritdoc />
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <inheritdoc />
    public string InvokedFunctionArn { get; init; } = "";

    /// <inheritdoc />
    public string FunctionName { get; init; } = "";

    /// <inheritdoc />
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <inheritdoc />
    public int MemoryLimitInMB { get; init; }

    /// <inheritdoc />
    public string LogGroupName { get; init; } = "";

    /// <inheritdoc />
    public string LogStreamName { get; init; } = "";

    /// <inheritdoc />
    public string? TraceId { get; init; }

    /// <inheritdoc />
    public string? ClientContext { get; init; }

    /// <inheritdoc />
    public string? CognitoIdentity { get; init; }
}
