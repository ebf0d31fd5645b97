namespace Chalice.Deploy.Planning;

/// <summary>The outputs of the steps run so far in one execution of a plan; references resolve against it.</summary>
internal sealed class StepResults
{
    private readonly Dictionary<IStepOutput, object> _values = [];

    /// <summary>Whether <paramref name="output"/> has its value.</summary>
    public bool Has(IStepOutput output) => _values.ContainsKey(output);

    /// <summary>Sets an output's value; each output is set once.</summary>
    public void Set<T>(StepOutput<T> output, T value) where T : notnull
    {
        if (!_values.TryAdd(output, value))
            throw new InvalidOperationException($"{output.Producer} set its {output.Description} twice.");
    }

    /// <summary>An output's value.</summary>
    /// <exception cref="InvalidOperationException">Its step has not run, or did not set it: a bug in the plan.</exception>
    public T ValueOf<T>(StepOutput<T> output) where T : notnull =>
        _values.TryGetValue(output, out var value)
            ? (T)value
            : throw new InvalidOperationException($"The {output.Description} of {output.Producer} is read before that step ran.");
}
