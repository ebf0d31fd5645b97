namespace Chalice.Deploy.Aws;

/// <summary>
/// Retry budget and backoff. Transient failures back off exponentially with full jitter
/// (random between zero and <c>min(MaxDelay, BaseDelay·2^(n-1))</c>); IAM role propagation, which takes seconds, backs
/// off from <see cref="RolePropagationDelay"/> with half jitter.
/// </summary>
internal sealed record AwsRetryOptions
{
    /// <summary>Attempts in total for throttling, 5xx and connection failures (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before the first retry, doubled for each further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No backoff is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts in total while Lambda rejects a role IAM has not propagated yet.</summary>
    public int RolePropagationMaxAttempts { get; init; } = 10;

    /// <summary>The first backoff while waiting for role propagation.</summary>
    public TimeSpan RolePropagationDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take before it is abandoned (and possibly retried).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
