namespace Chalice.Configuration;

/// <summary>
/// The known name a misspelt one was most likely meant to be (<c>lambda_timout</c> → <c>lambda_timeout</c>).
/// System.CommandLine has the same idea for options, but not as a public API, so this is the classic optimal string
/// alignment distance (edits, with swapped neighbours counting as one).
/// </summary>
internal static class NearestName
{
    /// <summary>The closest of <paramref name="candidates"/>, if it is close enough to be a likely typo.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        // A third of the name's length, as most "did you mean" features allow: lambda_timout is 1 away from
        // lambda_timeout, but "foo" is not a misspelling of "tags".
        var allowed = Math.Max(1, name.Length / 3);
        return candidates
            .Select(candidate => (candidate, distance: Distance(name.ToLowerInvariant(), candidate)))
            .Where(c => c.distance <= allowed)
            .OrderBy(c => c.distance)
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Select(c => c.candidate)
            .FirstOrDefault();
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
