using Microsoft.AspNetCore.Http;

namespace Chalice.Local.Sns.Protocol;

/// <summary>
/// The parameters of a query-protocol request (form-encoded POST body, or the query string of a GET), with the
/// protocol's encodings of lists (<c>Name.member.N</c>) and maps (<c>Name.entry.N.key</c>/<c>.value</c>, or the
/// model's location names such as <c>Name.entry.N.Name</c>/<c>.Value.*</c>), numbered from 1.
/// </summary>
internal sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    private int Count => values.Count;

    public static async Task<QueryParameters> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
            values[name] = value.ToString();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, value) in form)
                values[name] = value.ToString();
        }
        return new QueryParameters(values);
    }

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <exception cref="SnsErrorException">The parameter is missing or empty.</exception>
    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw SnsErrorException.InvalidParameter($"{name} Reason: no value for required parameter");

    /// <summary>A list: <c>{prefix}.member.1</c>, <c>.member.2</c>, … as scopes for their members.</summary>
    public IReadOnlyList<QueryParameters> List(string prefix)
    {
        var items = new List<QueryParameters>();
        for (var i = 1; ; i++)
        {
            var itemPrefix = $"{prefix}.member.{i}";
            var item = Scope(itemPrefix);
            if (item.Count == 0 && Get(itemPrefix) is null)
                return items;
            items.Add(item);
        }
    }

    /// <summary>A string-to-string map: <c>{prefix}.entry.N.key</c> and <c>.value</c>.</summary>
    public Dictionary<string, string> Map(string prefix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; Get($"{prefix}.entry.{i}.key") is { } key; i++)
            map[key] = Get($"{prefix}.entry.{i}.value") ?? "";
        return map;
    }

    /// <summary>A map whose entries are <c>{prefix}.entry.N.{keyName}</c> with the value's members under <c>.{valueName}.</c>.</summary>
    public Dictionary<string, QueryParameters> Map(string prefix, string keyName, string valueName)
    {
        var map = new Dictionary<string, QueryParameters>(StringComparer.Ordinal);
        for (var i = 1; Get($"{prefix}.entry.{i}.{keyName}") is { } key; i++)
            map[key] = Scope($"{prefix}.entry.{i}.{valueName}");
        return map;
    }

    /// <summary>The parameters under <c>{prefix}.</c>, with the prefix removed.</summary>
    public QueryParameters Scope(string prefix)
    {
        var scoped = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = prefix + ".";
        foreach (var (name, value) in values)
        {
            if (name.StartsWith(start, StringComparison.Ordinal))
                scoped[name[start.Length..]] = value;
        }
        return new QueryParameters(scoped);
    }
}
