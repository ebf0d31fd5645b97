using System.Text;
using Chalice.Policy.Values;

namespace Chalice.Policy.Resources;

/// <summary>Writes proved string patterns into ARNs, where <c>*</c> and <c>?</c> are wildcards.</summary>
internal static class ArnText
{
    /// <summary>The pattern as ARN text: a prefix ends in <c>*</c>; literal wildcard characters are escaped.</summary>
    public static string Of(StringPattern pattern) => Escape(pattern.Text) + (pattern.IsPrefix ? "*" : "");

    /// <summary>IAM's escapes for characters that would otherwise be wildcards or policy variables.</summary>
    public static string Escape(string text)
    {
        if (text.IndexOfAny(['*', '?', '$']) < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '*' => "${*}",
                '?' => "${?}",
                '$' => "${$}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>The proved non-null patterns of a value, or null when any of them is unconstrained.</summary>
    public static IReadOnlyList<StringPattern>? Known(StringValue? value) =>
        value is null || value.IsUnknown || value.Patterns.Count == 0 ? null : value.Patterns;
}
