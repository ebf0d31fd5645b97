using System.Diagnostics.CodeAnalysis;

namespace Chalice.Deploy.Planning;

/// <summary>An output of a step, whatever its type.</summary>
internal interface IStepOutput : IRef
{
    /// <summary>The step that produces it.</summary>
    PlannedStep Producer { get; }

    /// <summary>Binds the output to the step that produces it; a step's constructor calls this once.</summary>
    void ProducedBy(PlannedStep step);
}

/// <summary>
/// A value a step produces when it runs (the ARN <c>CreateRole</c> returns, the id <c>CreateRestApi</c> returns) and
/// later steps consume. It has no value while planning.
/// </summary>
/// <param name="description">What it is, e.g. <c>role ARN</c>.</param>
internal sealed class StepOutput<T>(string description) : Ref<T>(description), IStepOutput where T : notnull
{
    private PlannedStep? _producer;

    /// <inheritdoc/>
    public PlannedStep Producer => _producer ?? throw new InvalidOperationException($"No step produces the {Description}.");

    /// <inheritdoc/>
    public override IReadOnlyList<IStepOutput> Sources => [this];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Origins => [Producer.Resource];

    /// <inheritdoc/>
    public void ProducedBy(PlannedStep step)
    {
        if (_producer is not null && _producer != step)
            throw new InvalidOperationException($"The {Description} is produced by {_producer} already; one step produces each output.");
        _producer = step;
    }

    /// <inheritdoc/>
    public override bool TryGetKnown([MaybeNullWhen(false)] out T value)
    {
        value = default;
        return false;
    }

    internal override T Resolve(StepResults results) => results.ValueOf(this);
}
