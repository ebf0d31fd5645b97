using System.Diagnostics.CodeAnalysis;

namespace Chalice.Deploy.Planning;

/// <summary>What every reference tells the plan, whatever its type: for ordering the steps and printing them.</summary>
internal interface IRef
{
    /// <summary>What the value is, e.g. <c>role ARN</c>.</summary>
    string Description { get; }

    /// <summary>The step outputs the value is made from; empty when it was known while planning.</summary>
    IReadOnlyList<IStepOutput> Sources { get; }

    /// <summary>The logical names of the resources the value comes from (empty for a value of the user's, such as <c>iam_role_arn</c>).</summary>
    IReadOnlyList<string> Origins { get; }
}

/// <summary>
/// A value a step needs that may not exist yet while planning: known already (found by a read-only call), the output
/// of an earlier step (<see cref="StepOutput{T}"/>), or made from two others (<see cref="Combine"/>: an execute-api
/// ARN from a function ARN and an API id). Chalice's planner passes such values as variable names looked up at
/// execution; here they are typed, and a step reads only the references it declared (<see cref="StepContext.Get{T}"/>),
/// so the order of the steps follows from them.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal abstract class Ref<T> : IRef where T : notnull
{
    private protected Ref(string description) => Description = description;

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<IStepOutput> Sources { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<string> Origins { get; }

    /// <summary>The value, when it was known while planning.</summary>
    public abstract bool TryGetKnown([MaybeNullWhen(false)] out T value);

    /// <summary>The value while executing, from the outputs of the steps that ran.</summary>
    internal abstract T Resolve(StepResults results);

    /// <summary>A value known while planning (<see cref="Ref.Known{T}"/> infers the type).</summary>
    internal static Ref<T> Known(string description, T value, string? origin) => new KnownRef(description, value, origin);

    /// <summary>A value made from this one and <paramref name="other"/>, known as soon as both are.</summary>
    public Ref<TResult> Combine<TOther, TResult>(Ref<TOther> other, string description, Func<T, TOther, TResult> combine)
        where TOther : notnull where TResult : notnull =>
        new Derived<TResult>(description, [this, other], results => combine(Resolve(results), other.Resolve(results)),
            () => TryGetKnown(out var left) && other.TryGetKnown(out var right) ? (true, combine(left, right)) : (false, default!));

    /// <summary>A value made from this one, known as soon as it is (a stream ARN in the function's account).</summary>
    public Ref<TResult> Select<TResult>(string description, Func<T, TResult> map) where TResult : notnull =>
        new Derived<TResult>(description, [this], results => map(Resolve(results)),
            () => TryGetKnown(out var value) ? (true, map(value)) : (false, default!));

    /// <inheritdoc/>
    public override string ToString() => TryGetKnown(out var value) ? $"{Description} {value}" : Description;

    private sealed class KnownRef(string description, T value, string? origin) : Ref<T>(description)
    {
        public override IReadOnlyList<IStepOutput> Sources => [];

        public override IReadOnlyList<string> Origins { get; } = origin is null ? [] : [origin];

        public override bool TryGetKnown([MaybeNullWhen(false)] out T known)
        {
            known = value;
            return true;
        }

        internal override T Resolve(StepResults results) => value;
    }

    private sealed class Derived<TResult>(
        string description, IReadOnlyList<IRef> inputs, Func<StepResults, TResult> resolve, Func<(bool Known, TResult Value)> tryKnown)
        : Ref<TResult>(description) where TResult : notnull
    {
        public override IReadOnlyList<IStepOutput> Sources { get; } = [.. inputs.SelectMany(i => i.Sources).Distinct()];

        // Computed when asked: an input may be an output whose step is not made yet.
        public override IReadOnlyList<string> Origins => [.. inputs.SelectMany(i => i.Origins).Distinct()];

        public override bool TryGetKnown([MaybeNullWhen(false)] out TResult value)
        {
            (var known, value) = tryKnown();
            return known;
        }

        internal override TResult Resolve(StepResults results) => resolve(results);
    }
}

/// <summary>Makes references whose type the compiler infers.</summary>
internal static class Ref
{
    /// <summary>A value known while planning.</summary>
    /// <param name="description">What it is.</param>
    /// <param name="value">The value.</param>
    /// <param name="origin">The logical name of the resource it belongs to, or null for a value of the user's.</param>
    public static Ref<T> Known<T>(string description, T value, string? origin) where T : notnull => Ref<T>.Known(description, value, origin);
}
