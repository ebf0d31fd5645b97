namespace Chalice.Deploy.Aws;

/// <summary>One API operation a client calls, with what the retry policy and the call observer need to know.</summary>
/// <param name="Service">The service the operation belongs to.</param>
/// <param name="Name">The operation name exactly as in the service model (e.g. <c>CreateFunction</c>).</param>
/// <param name="Replay">How a replay of the operation behaves; decides which failures may be retried.</param>
internal sealed record AwsOperation(AwsService Service, string Name, ReplayBehavior Replay)
{
    /// <summary>Whether the operation changes anything in the account (everything but reads).</summary>
    public bool Mutates => Replay != ReplayBehavior.Read;

    /// <summary>
    /// Lambda operations that name an execution role: right after the role is created, Lambda rejects it until IAM
    /// has propagated it ("The role defined for the function cannot be assumed by Lambda"). Such rejections are
    /// retried with their own, longer budget.
    /// </summary>
    public bool WaitsForRolePropagation { get; init; }

    /// <summary>
    /// How long one attempt may take at least, for operations that legitimately outlast
    /// <see cref="AwsRetryOptions.AttemptTimeout"/> (a synchronous Lambda <c>Invoke</c> lasts as long as the function
    /// runs); null for the default.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Service.ServiceId} {Name}";
}
