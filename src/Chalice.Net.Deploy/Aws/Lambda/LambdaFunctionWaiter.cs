namespace Chalice.Deploy.Aws.Lambda;

/// <summary>
/// Waits for a function to be usable, polling <c>GetFunctionConfiguration</c>: after <c>CreateFunction</c> until
/// <c>State</c> is <c>Active</c>, after an update until <c>LastUpdateStatus</c> is <c>Successful</c>. Lambda rejects
/// further updates while either is in progress, so the deployer waits between calls.
/// </summary>
/// <param name="lambda">The Lambda API to poll.</param>
/// <param name="delay">Pauses between polls (<see cref="AwsClientOptions.Delay"/>); the timeout counts these pauses.</param>
/// <param name="options">The polling schedule.</param>
internal sealed class LambdaFunctionWaiter(
    ILambdaApi lambda, Func<TimeSpan, CancellationToken, Task> delay, LambdaWaiterOptions? options = null)
{
    private readonly LambdaWaiterOptions _options = options ?? new();

    /// <summary>Waits until the function's <c>State</c> is <c>Active</c>; fails on <c>Failed</c> or <c>Inactive</c>.</summary>
    /// <exception cref="LambdaFunctionStateException">The function failed or the timeout passed.</exception>
    public Task<LambdaFunctionConfiguration> WaitUntilActiveAsync(string functionName, CancellationToken cancellationToken = default) =>
        WaitAsync(functionName, "become active", static c => c.State switch
        {
            null or "Active" => Verdict.Done,
            "Pending" => Verdict.KeepWaiting,
            _ => Verdict.Failed,
        }, static c => (c.State, c.StateReason, c.StateReasonCode), cancellationToken);

    /// <summary>Waits until the last update's <c>LastUpdateStatus</c> is <c>Successful</c>; fails on <c>Failed</c>.</summary>
    /// <exception cref="LambdaFunctionStateException">The update failed or the timeout passed.</exception>
    public Task<LambdaFunctionConfiguration> WaitUntilUpdatedAsync(string functionName, CancellationToken cancellationToken = default) =>
        WaitAsync(functionName, "finish updating", static c => c.LastUpdateStatus switch
        {
            null or "Successful" => Verdict.Done,
            "InProgress" => Verdict.KeepWaiting,
            _ => Verdict.Failed,
        }, static c => (c.LastUpdateStatus, c.LastUpdateStatusReason, c.LastUpdateStatusReasonCode), cancellationToken);

    private async Task<LambdaFunctionConfiguration> WaitAsync(
        string functionName, string goal, Func<LambdaFunctionConfiguration, Verdict> judge,
        Func<LambdaFunctionConfiguration, (string? State, string? Reason, string? Code)> describe, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var pause = _options.FirstDelay;
        while (true)
        {
            var configuration = await lambda.GetFunctionConfigurationAsync(functionName, cancellationToken).ConfigureAwait(false);
            var (state, reason, code) = describe(configuration);
            switch (judge(configuration))
            {
                case Verdict.Done:
                    return configuration;
                case Verdict.Failed:
                    throw new LambdaFunctionStateException(functionName, state, reason, code,
                        $"Lambda function '{functionName}' did not {goal}: it is {state}" +
                        (reason is null ? "." : $": {reason}") + (code is null ? "" : $" ({code})"));
            }
            if (waited + pause > _options.Timeout)
                throw new LambdaFunctionStateException(functionName, state, reason, code,
                    $"Lambda function '{functionName}' did not {goal} within {_options.Timeout.TotalSeconds:0} s; it is still {state}.");
            await delay(pause, cancellationToken).ConfigureAwait(false);
            waited += pause;
            pause = TimeSpan.FromTicks(Math.Min((long)(pause.Ticks * 1.5), _options.MaxDelay.Ticks));
        }
    }

    private enum Verdict { Done, KeepWaiting, Failed }
}
