using Chalice.Policy.Values;

namespace Chalice.Policy.Tests;

public sealed class StringValueTests
{
    [Fact]
    public void Concatenating_constants_stays_exact()
    {
        var value = StringValue.Exact("a/").Concat(StringValue.Exact("b"));

        Assert.Equal([StringPattern.Exact("a/b")], value.Patterns);
    }

    [Fact]
    public void Concatenating_an_unknown_keeps_the_known_start()
    {
        var value = StringValue.Exact("uploads/").Concat(StringValue.Unknown).Concat(StringValue.Exact(".bin"));

        Assert.Equal([StringPattern.StartsWith("uploads/")], value.Patterns);
    }

    [Fact]
    public void Coalescing_a_null_value_takes_the_fallback()
    {
        Assert.Equal([StringPattern.Exact("d")], StringValue.Null.Coalesce(StringValue.Exact("d")).Patterns);
        Assert.Equal([StringPattern.Exact("v")], StringValue.Exact("v").Coalesce(StringValue.Exact("d")).Patterns);
    }

    [Fact]
    public void Alternatives_covered_by_a_prefix_collapse_into_it()
    {
        var value = StringValue.Exact("a/x").Or(StringValue.Of([StringPattern.StartsWith("a/")])).Or(StringValue.Exact("b"));

        Assert.Equal([StringPattern.StartsWith("a/"), StringPattern.Exact("b")], value.Patterns);
    }

    [Fact]
    public void Too_many_alternatives_widen_to_unknown()
    {
        var value = Enumerable.Range(0, StringValue.MaxPatterns + 1)
            .Select(i => StringValue.Exact($"bucket-{i:D2}"))
            .Aggregate((a, b) => a.Or(b));

        Assert.True(value.IsUnknown);
    }
}
