namespace Chalice.Deploy.Aws.Http;

/// <summary>What a failed attempt tells about the request, which decides whether it may be retried.</summary>
internal enum FailureKind
{
    /// <summary>A definite answer (validation, not found, access denied…): retrying cannot help.</summary>
    Final,

    /// <summary>Rejected for rate: AWS did not process it.</summary>
    Throttled,

    /// <summary>Lambda rejected an execution role IAM has not propagated yet: not processed.</summary>
    RolePropagation,

    /// <summary>The connection was never established: the request did not leave this machine.</summary>
    NotSent,

    /// <summary>5xx, reset after sending, or timeout: AWS may or may not have applied the request.</summary>
    Ambiguous,
}
