namespace Chalice.Policy.Values;

/// <summary>One shape a string can take at run time: exactly <see cref="Text"/>, or anything starting with it.</summary>
internal readonly record struct StringPattern(string Text, bool IsPrefix) : IComparable<StringPattern>
{
    public static StringPattern Exact(string text) => new(text, false);

    public static StringPattern StartsWith(string prefix) => new(prefix, true);

    /// <summary>Any string at all.</summary>
    public static StringPattern Anything { get; } = StartsWith("");

    public bool IsAnything => IsPrefix && Text.Length == 0;

    /// <summary>Whether this pattern matches every string <paramref name="other"/> matches.</summary>
    public bool Covers(StringPattern other) => IsPrefix && other.Text.StartsWith(Text, StringComparison.Ordinal);

    public StringPattern Append(StringPattern next) =>
        IsPrefix ? this : new StringPattern(Text + next.Text, next.IsPrefix);

    public int CompareTo(StringPattern other)
    {
        var byText = string.CompareOrdinal(Text, other.Text);
        return byText != 0 ? byText : IsPrefix.CompareTo(other.IsPrefix);
    }

    public override string ToString() => IsPrefix ? Text + "…" : Text;
}
