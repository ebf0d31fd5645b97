namespace Chalice;

/// <summary>
/// Serves a path template with a handler method: <c>[Route("/objects/{key}", "GET", "PUT")]</c>. Each <c>{name}</c>
/// binds to the parameter of that name; a last segment <c>{name+}</c> matches the rest of the path. Literal segments
/// win over <c>{params}</c>, which win over <c>{greedy+}</c>. With no methods, the route serves GET.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class RouteAttribute(string path, params string[] methods) : Attribute
{
    /// <summary>The path template, starting with <c>/</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The HTTP methods served (GET when empty).</summary>
    public string[] Methods { get; } = methods;

    /// <summary>A name for the route (Chalice's <c>name</c>); defaults to the method name.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The request content types accepted when the request has a body (Chalice's default: <c>application/json</c>).
    /// Another content type is answered with 415.
    /// </summary>
    public string[]? ContentTypes { get; set; }

    /// <summary>Enable CORS with the default settings (or those of a <see cref="CorsAttribute"/>).</summary>
    public bool Cors { get; set; }

    /// <summary>Require an API key (<c>x-api-key</c>) at API Gateway.</summary>
    public bool ApiKeyRequired { get; set; }

    /// <summary>The name of the authorizer that protects the route.</summary>
    public string? Authorizer { get; set; }
}
