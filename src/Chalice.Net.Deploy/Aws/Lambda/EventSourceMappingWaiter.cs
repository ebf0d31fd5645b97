namespace Chalice.Deploy.Aws.Lambda;

/// <summary>
/// Waits for an event source mapping to settle, polling <c>GetEventSourceMapping</c>. Lambda rejects an update of a
/// mapping that is <c>Creating</c> and a delete of one that is <c>Updating</c> (ResourceInUseException, in the Lambda
/// model: shared/fixtures/aws-models/lambda/2015-03-31/service-2.json), and a deleted mapping stays <c>Deleting</c> "for
/// several seconds" (the model's DeleteEventSourceMapping), so the deployer waits between such calls. Botocore has no
/// waiter for mappings; the schedule is <see cref="LambdaFunctionWaiter"/>'s.
/// </summary>
/// <param name="lambda">The Lambda API to poll.</param>
/// <param name="delay">Pauses between polls (<see cref="AwsClientOptions.Delay"/>); the timeout counts these pauses.</param>
/// <param name="options">The polling schedule.</param>
internal sealed class EventSourceMappingWaiter(
    ILambdaApi lambda, Func<TimeSpan, CancellationToken, Task> delay, LambdaWaiterOptions? options = null)
{
    private static readonly HashSet<string> s_transitions = new(StringComparer.Ordinal) { "Creating", "Enabling", "Disabling", "Updating" };

    private readonly LambdaWaiterOptions _options = options ?? new();

    /// <summary>Waits until the mapping is <c>Enabled</c> or <c>Disabled</c>.</summary>
    /// <exception cref="EventSourceMappingStateException">The mapping is gone or being deleted, or the timeout passed.</exception>
    public async Task<EventSourceMapping> WaitUntilStableAsync(string uuid, CancellationToken cancellationToken = default)
    {
        var waited = TimeSpan.Zero;
        var pause = _options.FirstDelay;
        while (true)
        {
            var mapping = await lambda.GetEventSourceMappingAsync(uuid, cancellationToken).ConfigureAwait(false)
                ?? throw new EventSourceMappingStateException(uuid, null, null, $"Event source mapping {uuid} does not exist.");
            if (mapping.State == "Deleting")
                throw new EventSourceMappingStateException(uuid, mapping.State, mapping.StateTransitionReason,
                    $"Event source mapping {uuid} is being deleted.");
            if (mapping.State is null || !s_transitions.Contains(mapping.State))
                return mapping;
            (waited, pause) = await PauseAsync(uuid, mapping, "settle", waited, pause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the mapping no longer exists.</summary>
    /// <exception cref="EventSourceMappingStateException">The timeout passed.</exception>
    public async Task WaitUntilDeletedAsync(string uuid, CancellationToken cancellationToken = default)
    {
        var waited = TimeSpan.Zero;
        var pause = _options.FirstDelay;
        while (await lambda.GetEventSourceMappingAsync(uuid, cancellationToken).ConfigureAwait(false) is { } mapping)
            (waited, pause) = await PauseAsync(uuid, mapping, "be deleted", waited, pause, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(TimeSpan Waited, TimeSpan Pause)> PauseAsync(
        string uuid, EventSourceMapping mapping, string goal, TimeSpan waited, TimeSpan pause, CancellationToken cancellationToken)
    {
        if (waited + pause > _options.Timeout)
            throw new EventSourceMappingStateException(uuid, mapping.State, mapping.StateTransitionReason,
                $"Event source mapping {uuid} did not {goal} within {_options.Timeout.TotalSeconds:0} s; it is still {mapping.State}.");
        await delay(pause, cancellationToken).ConfigureAwait(false);
        return (waited + pause, TimeSpan.FromTicks(Math.Min((long)(pause.Ticks * 1.5), _options.MaxDelay.Ticks)));
    }
}
