using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Chalice.Events;

/// <summary>
/// The value of an IAM policy element that takes one string or a list of them (<c>Action</c>, <c>Resource</c>):
/// <c>"execute-api:Invoke"</c> or <c>["arn:…/GET/a", "arn:…/GET/b"]</c>. It remembers which form it was given, so a
/// policy read and written back is the policy that was read. Assign a string or a collection expression:
/// <c>Action = "execute-api:Invoke", Resource = [arn1, arn2]</c>.
/// </summary>
[JsonConverter(typeof(IamPolicyValuesConverter))]
[CollectionBuilder(typeof(IamPolicyValues), nameof(Create))]
public sealed class IamPolicyValues : IReadOnlyList<string>
{
    private readonly string[] _values;

    private IamPolicyValues(string[] values, bool isList)
    {
        _values = values;
        IsList = isList;
    }

    /// <summary>True when the values were given as a JSON array (even of one), false for a single string.</summary>
    public bool IsList { get; }

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public string this[int index] => _values[index];

    /// <summary>Values written as a JSON array.</summary>
    public static IamPolicyValues Create(ReadOnlySpan<string> values) => new(values.ToArray(), isList: true);

    /// <summary>One value, written as a string.</summary>
    public static IamPolicyValues Single(string value) => new([value], isList: false);

    /// <summary>One value, written as a string.</summary>
    public static implicit operator IamPolicyValues(string value) => Single(value);

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
