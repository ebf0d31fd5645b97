namespace Chalice.Deploy.Aws.Lambda;

/// <summary>An event source mapping did not settle: it was gone, or stayed in transition past the waiter's timeout.</summary>
internal sealed class EventSourceMappingStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventSourceMappingStateException(string uuid, string? state, string? reason, string message) : base(message)
    {
        Uuid = uuid;
        State = state;
        Reason = reason;
    }

    /// <summary>The mapping's id.</summary>
    public string Uuid { get; }

    /// <summary>The last state seen, or null when the mapping did not exist.</summary>
    public string? State { get; }

    /// <summary>Lambda's <c>StateTransitionReason</c>.</summary>
    public string? Reason { get; }
}
