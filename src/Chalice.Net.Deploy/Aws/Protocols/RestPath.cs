using System.Globalization;
using Chalice.Deploy.Aws.Signing;

namespace Chalice.Deploy.Aws.Protocols;

/// <summary>
/// Builds a rest-json request URI: path labels encoded whole (a <c>/</c> or <c>:</c> inside a label is escaped, as
/// botocore does for non-greedy labels) and query parameters encoded AWS's way.
/// </summary>
internal sealed class RestPath
{
    private readonly string _path;
    private readonly List<KeyValuePair<string, string>> _query = [];

    /// <summary>Starts from a path made of literal segments and <see cref="Label"/> values, and literal query pairs.</summary>
    public RestPath(string path) => _path = path;

    /// <summary>Encodes a value bound to a <c>{Label}</c>; an empty label would address a different route, so it is refused.</summary>
    public static string Label(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return AwsUriEncoding.Encode(value);
    }

    public RestPath Query(string name, string? value)
    {
        if (value is not null)
            _query.Add(new(name, value));
        return this;
    }

    /// <summary>A repeated parameter: <c>name=a&amp;name=b</c>.</summary>
    public RestPath Query(string name, IEnumerable<string> values)
    {
        foreach (var value in values)
            Query(name, value);
        return this;
    }

    public RestPath Query(string name, int? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture));

    public RestPath Query(string name, bool? value) => Query(name, value is { } flag ? (flag ? "true" : "false") : null);

    public Uri ToUri(AwsEndpoint endpoint)
    {
        var query = string.Join('&', _query.Select(p => $"{AwsUriEncoding.Encode(p.Key)}={AwsUriEncoding.Encode(p.Value)}"));
        var separator = _path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var pathAndQuery = query.Length == 0 ? _path : _path + separator + query;
        var baseUrl = endpoint.Url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(baseUrl + pathAndQuery, UriKind.Absolute);
    }
}
