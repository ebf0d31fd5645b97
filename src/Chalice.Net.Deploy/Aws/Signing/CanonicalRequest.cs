using System.Text;

namespace Chalice.Deploy.Aws.Signing;

/// <summary>The three normalisations of SigV4's canonical request: URI, query string and headers.</summary>
internal static class CanonicalRequest
{
    /// <summary>The canonical URI of a request path as sent on the wire.</summary>
    public static string Uri(string path, SigV4Options options)
    {
        if (path.Length == 0)
            return "/";
        var normalized = options.NormalizePath ? RemoveDotSegments(path) : path;
        return options.EncodePath ? AwsUriEncoding.Encode(normalized, keepSlashes: true) : normalized;
    }

    /// <summary>
    /// The canonical query string: every <c>name=value</c> pair decoded then encoded AWS's way (so pairs sent raw
    /// and pairs sent percent-encoded agree), sorted by name then value in byte order, a missing <c>=</c> read as an
    /// empty value.
    /// </summary>
    public static string Query(string query)
    {
        if (query.Length == 0)
            return "";
        var pairs = new List<(string Name, string Value)>();
        foreach (var piece in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? piece : piece[..equals];
            var value = equals < 0 ? "" : piece[(equals + 1)..];
            pairs.Add((AwsUriEncoding.Encode(AwsUriEncoding.Decode(name)), AwsUriEncoding.Encode(AwsUriEncoding.Decode(value))));
        }
        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => $"{p.Name}={p.Value}"));
    }

    /// <summary>
    /// The canonical headers block (each line ending in a newline) and the signed-headers list. Names are
    /// lower-cased; repeated names are joined with commas in request order; values are trimmed and every run of
    /// whitespace (including obsolete line folding) becomes one space.
    /// </summary>
    public static (string Block, string SignedHeaders) Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var grouped = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            if (!grouped.TryGetValue(key, out var values))
                grouped[key] = values = [];
            values.Add(CollapseWhitespace(value));
        }
        var block = new StringBuilder();
        foreach (var (name, values) in grouped)
            block.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        return (block.ToString(), string.Join(';', grouped.Keys));
    }

    /// <summary>RFC 3986 §5.2.4 dot-segment removal, plus the collapse of empty segments that AWS requires.</summary>
    private static string RemoveDotSegments(string path)
    {
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                continue;
            if (segment == "..")
            {
                if (output.Count > 0)
                    output.RemoveAt(output.Count - 1);
                continue;
            }
            output.Add(segment);
        }
        var leading = path.StartsWith('/') ? "/" : "";
        var trailing = path.EndsWith('/') && output.Count > 0 ? "/" : "";
        return leading + string.Join('/', output) + trailing;
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
