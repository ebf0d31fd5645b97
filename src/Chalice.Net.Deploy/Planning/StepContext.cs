using Chalice.Deploy.State;

namespace Chalice.Deploy.Planning;

/// <summary>
/// What a running step sees: the values of the references it declared, the outputs it must set, and the state
/// recorder. A step that reads a reference it did not declare fails at once, so the dependencies printed and ordered
/// by the plan are the ones the code really has.
/// </summary>
internal sealed class StepContext
{
    private readonly PlannedStep _step;
    private readonly StepResults _results;
    private readonly StateRecorder _recorder;

    internal StepContext(PlannedStep step, StepResults results, StateRecorder recorder)
    {
        _step = step;
        _results = results;
        _recorder = recorder;
    }

    /// <summary>The value of a reference the step consumes.</summary>
    /// <exception cref="InvalidOperationException">The step did not declare it: a bug in its planner.</exception>
    public T Get<T>(Ref<T> reference) where T : notnull =>
        _step.Consumes.Contains(reference)
            ? reference.Resolve(_results)
            : throw new InvalidOperationException($"{_step} reads the {reference.Description} without declaring it.");

    /// <summary>Sets an output the step produces.</summary>
    /// <exception cref="InvalidOperationException">The step did not declare it: a bug in its planner.</exception>
    public void Set<T>(StepOutput<T> output, T value) where T : notnull
    {
        if (!_step.Produces.Contains(output))
            throw new InvalidOperationException($"{_step} sets the {output.Description} without declaring it.");
        _results.Set(output, value);
    }

    /// <summary>Records a resource (replacing the one of its name) and writes the state file at once.</summary>
    public void Record(DeployedResource resource) => _recorder.Record(resource);

    /// <summary>Forgets a recorded resource, if recorded, and writes the state file at once.</summary>
    public void Forget(string name) => _recorder.Forget(name);
}
