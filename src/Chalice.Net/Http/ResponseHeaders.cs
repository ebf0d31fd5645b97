using System.Collections;

namespace Chalice;

/// <summary>
/// Response headers: names match case-insensitively and keep the case first written; a name may carry several values
/// (sent as API Gateway's <c>multiValueHeaders</c>).
/// </summary>
public sealed class ResponseHeaders : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly List<(string Name, List<string> Values)> _entries = [];

    /// <summary>The number of distinct names.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the first value, or replaces every value of <paramref name="name"/> with one.</summary>
    public string? this[string name]
    {
        get => IndexOf(name) is var i and >= 0 ? _entries[i].Values[0] : null;
        set
        {
            if (value is null)
                Remove(name);
            else
                Set(name, value);
        }
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="value"/>.</summary>
    public void Set(string name, string value)
    {
        var i = IndexOf(name);
        if (i >= 0)
            _entries[i] = (_entries[i].Name, [value]);
        else
            _entries.Add((name, [value]));
    }

    /// <summary>Adds a value to <paramref name="name"/>, keeping the ones it has.</summary>
    public void Add(string name, string value)
    {
        var i = IndexOf(name);
        if (i >= 0)
            _entries[i].Values.Add(value);
        else
            _entries.Add((name, [value]));
    }

    /// <summary>Sets <paramref name="name"/> unless it already has a value.</summary>
    public void TryAdd(string name, string value)
    {
        if (IndexOf(name) < 0)
            _entries.Add((name, [value]));
    }

    /// <summary>Every value of <paramref name="name"/>; empty when absent.</summary>
    public IReadOnlyList<string> GetValues(string name) => IndexOf(name) is var i and >= 0 ? _entries[i].Values : [];

    /// <summary>Whether <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Removes <paramref name="name"/>; returns whether it was present.</summary>
    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
            return false;
        _entries.RemoveAt(i);
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var (name, values) in _entries)
            yield return new(name, values);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}
