using Chalice.Hosting;

namespace Chalice.Routing;

/// <summary>
/// The app's resources (path templates), each with the routes of its methods. Matches request paths with API
/// Gateway's precedence: literal segments, then <c>{param}</c>, then <c>{greedy+}</c>.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, Resource> _byTemplate = new(StringComparer.Ordinal);
    private readonly Node _root = new();

    /// <summary>Builds the table.</summary>
    /// <exception cref="ArgumentException">A template is invalid or a template and method appear twice.</exception>
    public RouteTable(IEnumerable<RouteDefinition> routes)
    {
        foreach (var route in routes)
        {
            if (!_byTemplate.TryGetValue(route.Path, out var resource))
            {
                if (!RouteTemplateSyntax.TryParse(route.Path, out var segments, out var error))
                    throw new ArgumentException($"Invalid route '{route.Path}': {error}.", nameof(routes));
                resource = new Resource(route.Path, segments);
                _byTemplate.Add(route.Path, resource);
                Insert(resource);
            }
            resource.Add(route);
        }
    }

    /// <summary>Every resource, in declaration order.</summary>
    public IEnumerable<Resource> Resources => _byTemplate.Values;

    /// <summary>The resource with exactly this template (as API Gateway names it in the event), or null.</summary>
    public Resource? FindByTemplate(string template) => _byTemplate.GetValueOrDefault(template);

    /// <summary>
    /// Finds the resource serving <paramref name="path"/> (no stage prefix, no query) and the values of its parameters,
    /// taken from the path as given: whether they are percent-decoded is the gateway's business (REST APIs route on
    /// the path as sent, HTTP APIs on the decoded path; see the local gateway's <c>GatewayPath</c>). Null when no resource
    /// matches.
    /// </summary>
    public RouteMatch? Match(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            return null;
        if (path.Length > 1 && path[^1] == '/')
            path = path[..^1];
        var segments = path.Length == 1 ? [] : path[1..].Split('/');
        var values = new List<KeyValuePair<string, string>>();
        var resource = Match(_root, segments, 0, values);
        return resource is null ? null : new RouteMatch(resource, values.ToDictionary(StringComparer.Ordinal));
    }

    private static Resource? Match(Node node, string[] segments, int index, List<KeyValuePair<string, string>> values)
    {
        if (index == segments.Length)
            return node.Resource;
        var segment = segments[index];
        if (segment.Length == 0)
            return null;

        if (node.Literals?.TryGetValue(segment, out var literal) == true
            && Match(literal, segments, index + 1, values) is { } byLiteral)
            return byLiteral;

        if (node.Parameter is { } parameter)
        {
            values.Add(new(node.ParameterName!, segment));
            if (Match(parameter, segments, index + 1, values) is { } byParameter)
                return byParameter;
            values.RemoveAt(values.Count - 1);
        }

        if (node.Greedy is { } greedy)
        {
            values.Add(new(node.GreedyName!, string.Join('/', segments, index, segments.Length - index)));
            return greedy;
        }
        return null;
    }

    private void Insert(Resource resource)
    {
        var node = _root;
        foreach (var segment in resource.Segments)
        {
            switch (segment.Kind)
            {
                case RouteSegmentKind.Literal:
                    node.Literals ??= new(StringComparer.Ordinal);
                    if (!node.Literals.TryGetValue(segment.Value, out var next))
                        node.Literals[segment.Value] = next = new Node();
                    node = next;
                    break;
                case RouteSegmentKind.Parameter:
                    // API Gateway allows one parameter name per level; different names at one level share the node.
                    node.ParameterName ??= segment.Value;
                    node = node.Parameter ??= new Node();
                    break;
                case RouteSegmentKind.Greedy:
                    node.GreedyName ??= segment.Value;
                    node.Greedy = resource;
                    return;
            }
        }
        node.Resource = resource;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Literals;
        public Node? Parameter;
        public string? ParameterName;
        public Resource? Greedy;
        public string? GreedyName;
        public Resource? Resource;
    }
}

/// <summary>A path template and the routes serving its methods.</summary>
public sealed class Resource
{
    private readonly Dictionary<string, RouteDefinition> _byMethod = new(StringComparer.OrdinalIgnoreCase);

    internal Resource(string template, RouteSegment[] segments)
    {
        Template = template;
        Segments = segments;
    }

    /// <summary>The template, e.g. <c>/objects/{key}</c>.</summary>
    public string Template { get; }

    internal RouteSegment[] Segments { get; }

    /// <summary>A stable, REST-style resource id (6 lowercase alphanumerics) derived from the template.</summary>
    internal string ResourceId => _resourceId ??= DeriveResourceId(Template);

    private string? _resourceId;

    private static string DeriveResourceId(string template)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var hash = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in template)
            hash = (hash ^ c) * 1099511628211UL;
        var id = new char[6];
        for (var i = 0; i < id.Length; i++, hash /= (ulong)alphabet.Length)
            id[i] = alphabet[(int)(hash % (ulong)alphabet.Length)];
        return new string(id);
    }

    /// <summary>The methods served, in declaration order.</summary>
    public IReadOnlyList<string> Methods => [.. _byMethod.Keys];

    /// <summary>The headers of the CORS preflight API Gateway answers on this resource, or null when it answers none.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>>? PreflightHeaders =>
        CorsConfig.GetPreflightHeaders(_byMethod.Select(m => new KeyValuePair<string, CorsConfig?>(m.Key, m.Value.Cors)));

    /// <summary>The route serving <paramref name="method"/>, or null.</summary>
    public RouteDefinition? Find(string method) => _byMethod.GetValueOrDefault(method);

    internal void Add(RouteDefinition route)
    {
        foreach (var method in route.Methods)
        {
            if (!_byMethod.TryAdd(method, route))
                throw new ArgumentException($"Route {method} {Template} is defined twice.");
        }
    }
}

/// <summary>A matched resource with its parameter values.</summary>
public sealed record RouteMatch(Resource Resource, IReadOnlyDictionary<string, string> PathParameters);
