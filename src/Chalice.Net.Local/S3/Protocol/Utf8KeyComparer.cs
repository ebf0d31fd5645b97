namespace Chalice.Local.S3.Protocol;

/// <summary>
/// Orders keys as S3 lists them: by the bytes of their UTF-8 form, which is Unicode code point order. Plain ordinal
/// comparison of .NET strings differs for characters above U+FFFF (surrogate pairs sort before U+E000–U+FFFF in
/// UTF-16), so the comparison moves surrogates above the rest of the Basic Multilingual Plane.
/// </summary>
internal sealed class Utf8KeyComparer : IComparer<string>
{
    public static Utf8KeyComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
                return CodePointRank(x[i]) - CodePointRank(y[i]);
        }
        return x.Length - y.Length;
    }

    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
