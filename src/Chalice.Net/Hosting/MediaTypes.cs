namespace Chalice.Hosting;

/// <summary>Content-type matching as Chalice does it: media types without parameters, case-insensitive, wildcards.</summary>
internal static class MediaTypes
{
    public static bool Matches(string contentType, IReadOnlyList<string> accepted)
    {
        var mediaType = Essence(contentType);
        foreach (var candidate in accepted)
        {
            var pattern = Essence(candidate);
            if (pattern.Equals("*/*", StringComparison.Ordinal) || pattern.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                return true;
            if (pattern.EndsWith("/*", StringComparison.Ordinal)
                && mediaType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The type/subtype without parameters: <c>text/plain; charset=utf-8</c> → <c>text/plain</c>.</summary>
    public static ReadOnlySpan<char> Essence(string contentType)
    {
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
