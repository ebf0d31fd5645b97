using System.Collections;

namespace Chalice;

/// <summary>
/// Read-only request values where a name may repeat: headers (case-insensitive) and query parameters
/// (case-sensitive). The indexer gives the value API Gateway puts in its single-value map (the last one);
/// <see cref="GetList"/> gives every value in order.
/// </summary>
public sealed class MultiValueCollection : IEnumerable<KeyValuePair<string, string>>
{
    private static readonly Dictionary<string, string> s_none = [];

    private readonly IReadOnlyDictionary<string, string> _single;
    private readonly IReadOnlyDictionary<string, List<string>>? _multi;
    private readonly StringComparison _comparison;

    internal MultiValueCollection(
        IReadOnlyDictionary<string, string>? single,
        IReadOnlyDictionary<string, List<string>>? multi,
        bool ignoreCase)
    {
        _single = single ?? s_none;
        _multi = multi;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>An empty collection.</summary>
    public static MultiValueCollection Empty { get; } = new(null, null, ignoreCase: false);

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => Get(name);

    /// <summary>The number of distinct names.</summary>
    public int Count => Names.Count();

    /// <summary>The distinct names, in the order the event lists them.</summary>
    public IEnumerable<string> Names =>
        _multi is null ? _single.Keys : _single.Keys.Union(_multi.Keys, ComparerFor(_comparison));

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name)
    {
        if (TryFind(_single, name, out var value))
            return value;
        return _multi is not null && TryFind(_multi, name, out var values) && values.Count > 0 ? values[^1] : null;
    }

    /// <summary>Every value of <paramref name="name"/> in the order received; empty when absent.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        if (_multi is not null && TryFind(_multi, name, out var values))
            return values;
        return TryFind(_single, name, out var value) ? [value] : [];
    }

    /// <summary>Whether <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => Get(name) is not null || GetList(name).Count > 0;

    /// <summary>Each name with its (last) value.</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var name in Names)
            yield return new(name, Get(name) ?? "");
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryFind<T>(IReadOnlyDictionary<string, T> map, string name, out T value)
    {
        if (map.TryGetValue(name, out value!))
            return true;
        if (_comparison == StringComparison.OrdinalIgnoreCase)
        {
            // Event maps are small (API Gateway caps headers at a few dozen), so a scan beats building a lookup.
            foreach (var (key, candidate) in map)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = candidate;
                    return true;
                }
            }
        }
        value = default!;
        return false;
    }

    private static StringComparer ComparerFor(StringComparison comparison) =>
        comparison == StringComparison.OrdinalIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
