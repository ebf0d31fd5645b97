namespace Chalice.Policy.Values;

/// <summary>
/// What the analyzer can prove about a string expression: the set of patterns its non-null values match, and whether
/// it may be null. <see cref="Unknown"/> is the single pattern "anything". Sets stay small: past
/// <see cref="MaxPatterns"/> alternatives a value widens to <see cref="Unknown"/>.
/// </summary>
internal sealed class StringValue
{
    public const int MaxPatterns = 16;

    private StringValue(IReadOnlyList<StringPattern> patterns, bool mayBeNull)
    {
        Patterns = patterns;
        MayBeNull = mayBeNull;
    }

    public static StringValue Unknown { get; } = new([StringPattern.Anything], mayBeNull: true);

    public static StringValue Null { get; } = new([], mayBeNull: true);

    public IReadOnlyList<StringPattern> Patterns { get; }

    public bool MayBeNull { get; }

    /// <summary>True when some non-null value is not constrained at all.</summary>
    public bool IsUnknown => Patterns.Any(p => p.IsAnything);

    public static StringValue Exact(string text) => new([StringPattern.Exact(text)], mayBeNull: false);

    public static StringValue Of(IEnumerable<StringPattern> patterns, bool mayBeNull = false)
    {
        var distinct = patterns.Distinct().ToArray();
        if (distinct.Any(p => p.IsAnything))
            return Unknown;
        // Keep only the patterns no other pattern already covers: {"a/", "a/…"} is just "a/…".
        var minimal = distinct.Where(p => !distinct.Any(other => other != p && other.Covers(p))).Order().ToArray();
        return minimal.Length > MaxPatterns ? Unknown : new StringValue(minimal, mayBeNull);
    }

    /// <summary>The values of either expression, as for a conditional or several assignments.</summary>
    public StringValue Or(StringValue other) =>
        Of(Patterns.Concat(other.Patterns), MayBeNull || other.MayBeNull);

    /// <summary><c>this ?? fallback</c>.</summary>
    public StringValue Coalesce(StringValue fallback) =>
        MayBeNull ? Of(Patterns.Concat(fallback.Patterns), fallback.MayBeNull) : this;

    /// <summary>String concatenation, where C# turns null into the empty string.</summary>
    public StringValue Concat(StringValue next)
    {
        var left = MayBeNull ? Patterns.Append(StringPattern.Exact("")) : Patterns;
        var right = next.MayBeNull ? next.Patterns.Append(StringPattern.Exact("")) : next.Patterns;
        return Of(left.SelectMany(l => right.Select(l.Append)));
    }

    public override string ToString() =>
        "{" + string.Join(", ", Patterns) + (MayBeNull ? ", null" : "") + "}";
}
