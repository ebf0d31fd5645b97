using System.Net;

namespace Chalice.Deploy.Aws;

/// <summary>One HTTP attempt of an AWS call, as reported to <see cref="IAwsCallObserver"/>.</summary>
/// <param name="Operation">The operation (service, name, whether it mutates).</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, …</param>
/// <param name="StatusCode">The HTTP status, or null when no response arrived.</param>
/// <param name="ErrorCode">The AWS error code of a failed attempt, else null.</param>
/// <param name="Duration">Time from sending to the end of the response (or the failure).</param>
/// <param name="Outcome">Whether the call succeeded, will be retried, or failed for good.</param>
internal sealed record AwsCallAttempt(
    AwsOperation Operation, int Attempt, HttpStatusCode? StatusCode, string? ErrorCode, TimeSpan Duration, AwsAttemptOutcome Outcome)
{
    /// <summary>The service id, e.g. <c>IAM</c>.</summary>
    public string Service => Operation.Service.ServiceId;

    /// <summary>Whether the operation changes anything in the account.</summary>
    public bool Mutates => Operation.Mutates;
}

/// <summary>How an attempt ended.</summary>
internal enum AwsAttemptOutcome
{
    /// <summary>The call succeeded with this attempt.</summary>
    Succeeded,

    /// <summary>The attempt failed and the call will be retried.</summary>
    WillRetry,

    /// <summary>The attempt failed and the call fails (or, for a handled "not found", returns no result).</summary>
    Failed,
}
