using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// Runs planned steps in order: each reads the outputs of the steps before it through the references it declared,
/// and records (or forgets) resources as they come and go, so the state file is right whenever a step fails.
/// </summary>
internal static class PlanExecutor
{
    /// <summary>Runs the steps.</summary>
    /// <param name="steps">The steps, in an order where each comes after the producers of what it consumes.</param>
    /// <param name="recorder">Records the state after every change.</param>
    /// <param name="progress">Told about each step before it starts.</param>
    /// <param name="cancellationToken">Stops between calls.</param>
    public static async Task RunAsync(
        IReadOnlyList<PlannedStep> steps, StateRecorder recorder, IProgress<PlannedStep>? progress, CancellationToken cancellationToken)
    {
        var results = new StepResults();
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(step);
            await step.Apply(new StepContext(step, results, recorder), cancellationToken);
            if (step.Produces.FirstOrDefault(output => !results.Has(output)) is { } missing)
                throw new InvalidOperationException($"{step} did not set its {missing.Description}.");
            foreach (var name in step.Forgets)
                recorder.Forget(name);
        }
    }
}
