using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Chalice.Deploy.Aws.Http;

/// <summary>
/// Decides, from what a failed attempt proves about the request (<see cref="FailureKind"/>) and how the operation
/// behaves when replayed (<see cref="ReplayBehavior"/>), whether to retry and after which backoff.
/// </summary>
internal sealed partial class RetryPolicy(AwsRetryOptions options, Random random)
{
    // botocore's standard-mode throttling codes; 429 is throttling whatever the code says.
    private static readonly HashSet<string> s_throttlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    // What a create's replay answers when the first attempt did create the resource (IAM, Lambda, API Gateway, and
    // CloudWatch Logs' CreateLogGroup, which answers 400).
    private static readonly HashSet<string> s_conflictCodes = new(StringComparer.Ordinal)
    {
        "EntityAlreadyExists", "ResourceConflictException", "ConflictException", "ResourceAlreadyExistsException",
    };

    public FailureKind Classify(AwsOperation operation, AwsServiceException error)
    {
        if (error.StatusCode == HttpStatusCode.TooManyRequests || s_throttlingCodes.Contains(error.ErrorCode))
            return FailureKind.Throttled;
        if (operation.WaitsForRolePropagation && error.ErrorCode == "InvalidParameterValueException" &&
            RoleNotPropagated().IsMatch(error.AwsMessage))
            return FailureKind.RolePropagation;
        if (error.StatusCode is { } status && (int)status >= 500)
            return FailureKind.Ambiguous;
        return FailureKind.Final;
    }

    public static FailureKind Classify(Exception transportFailure) => transportFailure switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => FailureKind.NotSent,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound } } => FailureKind.NotSent,
        _ => FailureKind.Ambiguous,
    };

    /// <summary>The backoff before attempt <paramref name="attempt"/> + 1, or null when the call must not be retried.</summary>
    public TimeSpan? BackoffAfter(AwsOperation operation, FailureKind kind, int attempt)
    {
        switch (kind)
        {
            case FailureKind.Throttled or FailureKind.NotSent when attempt < options.MaxAttempts:
                return FullJitter(attempt);
            case FailureKind.Ambiguous when attempt < options.MaxAttempts && operation.Replay != ReplayBehavior.DuplicatesOnReplay:
                return FullJitter(attempt);
            case FailureKind.RolePropagation when attempt < options.RolePropagationMaxAttempts:
                var ceiling = Exponential(options.RolePropagationDelay, attempt);
                return ceiling * (0.5 + (random.NextDouble() / 2));
            default:
                return null;
        }
    }

    public static bool IsConflict(AwsServiceException error) =>
        error.StatusCode == HttpStatusCode.Conflict || s_conflictCodes.Contains(error.ErrorCode);

    private TimeSpan FullJitter(int attempt) => Exponential(options.BaseDelay, attempt) * random.NextDouble();

    private TimeSpan Exponential(TimeSpan first, int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, options.MaxDelay.Ticks));
        return delay;
    }

    // The messages Lambda uses while a new role has not reached it yet (the same ones Chalice waits out).
    [GeneratedRegex("role.*cannot be assumed|role.*does not have permissions|InvalidArnException.*valid principal", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNotPropagated();
}
