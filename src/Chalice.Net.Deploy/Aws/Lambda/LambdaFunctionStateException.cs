namespace Chalice.Deploy.Aws.Lambda;

/// <summary>A function did not become ready: it reached a failed state, or stayed pending past the waiter's timeout.</summary>
internal sealed class LambdaFunctionStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LambdaFunctionStateException(string functionName, string? state, string? reason, string? reasonCode, string message)
        : base(message)
    {
        FunctionName = functionName;
        State = state;
        Reason = reason;
        ReasonCode = reasonCode;
    }

    /// <summary>The function.</summary>
    public string FunctionName { get; }

    /// <summary>The last state or update status seen.</summary>
    public string? State { get; }

    /// <summary>Lambda's explanation (<c>StateReason</c> or <c>LastUpdateStatusReason</c>).</summary>
    public string? Reason { get; }

    /// <summary>Lambda's reason code.</summary>
    public string? ReasonCode { get; }
}
