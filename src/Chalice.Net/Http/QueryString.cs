using System.Net;

namespace Chalice;

/// <summary>Parses a raw query string the way API Gateway does: <c>+</c> is a space, names and values URL-decoded.</summary>
internal static class QueryString
{
    public static Dictionary<string, List<string>> Parse(ReadOnlySpan<char> query)
    {
        if (query.StartsWith("?"))
            query = query[1..];
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
                continue;
            var equals = pair.IndexOf('=');
            var name = Decode(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : "";
            if (!result.TryGetValue(name, out var values))
                result[name] = values = [];
            values.Add(value);
        }
        return result;
    }

    private static string Decode(ReadOnlySpan<char> part) => WebUtility.UrlDecode(part.ToString());
}
