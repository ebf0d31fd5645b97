using System.Globalization;

namespace Chalice.Local.S3.Protocol;

/// <summary>An inclusive byte range of an object, as a GET with a <c>Range</c> header selects it.</summary>
internal readonly record struct ByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    /// <summary>The <c>Content-Range</c> value for an object of <paramref name="objectLength"/> bytes.</summary>
    public string ToContentRange(long objectLength) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes {First}-{Last}/{objectLength}");

    /// <summary>
    /// The range a <c>Range</c> header selects, or null for the whole object. Like S3, a header it cannot parse, one
    /// asking for several ranges, or one whose end precedes its start selects the whole object; a range starting past
    /// the end of the object is an <c>InvalidRange</c> error.
    /// </summary>
    public static ByteRange? Resolve(string? header, long objectLength)
    {
        const string unit = "bytes=";
        if (header is null || !header.StartsWith(unit, StringComparison.OrdinalIgnoreCase) || header.Contains(','))
            return null;
        var parts = header[unit.Length..].Split('-');
        if (parts.Length != 2 || !TryParseBound(parts[0], out var first) || !TryParseBound(parts[1], out var last))
            return null;

        var lastIndex = objectLength - 1;
        if ((first is null && last == 0) || first > lastIndex)
            throw S3ErrorException.InvalidRange(header, objectLength);

        ByteRange range;
        if (first is { } start)
            range = new(start, last is { } end ? Math.Min(end, lastIndex) : lastIndex);
        else if (last is { } suffixLength)
            range = new(objectLength - Math.Min(suffixLength, objectLength), lastIndex);
        else
            return null;
        return range.First > range.Last ? null : range;
    }

    private static bool TryParseBound(string text, out long? value)
    {
        value = null;
        if (text.Length == 0)
            return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }
}
