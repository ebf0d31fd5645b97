using System.ComponentModel;

namespace Chalice.Hosting;

/// <summary>Calls one handler: binds its parameters from the request and turns its result into a response.</summary>
/// <param name="app">The app instance (ignored by static handlers).</param>
/// <param name="context">The request being served.</param>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public delegate ValueTask<Response> RouteInvoker(object app, HandlerContext context);

/// <summary>One <c>[Route]</c> of an app: a template, its methods, options and the generated invoker.</summary>
public sealed class RouteDefinition
{
    /// <summary>Chalice's default accepted request content types.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes = ["application/json"];

    /// <summary>Creates a route; generated code calls this.</summary>
    public RouteDefinition(string path, IReadOnlyList<string> methods, string handlerName, RouteInvoker invoker)
    {
        Path = path;
        Methods = methods.Count == 0 ? ["GET"] : methods.Select(m => m.ToUpperInvariant()).ToArray();
        HandlerName = handlerName;
        Name = handlerName;
        Invoker = invoker;
    }

    /// <summary>The path template.</summary>
    public string Path { get; }

    /// <summary>The HTTP methods, upper case.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The handler method's name.</summary>
    public string HandlerName { get; }

    /// <summary>The route's name (the handler name unless set).</summary>
    public string Name { get; init; }

    /// <summary>The request content types accepted when the request has a body.</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = DefaultContentTypes;

    /// <summary>CORS settings, or null when the route does not allow cross-origin calls.</summary>
    public CorsConfig? Cors { get; init; }

    /// <summary>Whether API Gateway requires an API key.</summary>
    public bool ApiKeyRequired { get; init; }

    /// <summary>The name of the authorizer protecting the route, if any.</summary>
    public string? Authorizer { get; init; }

    /// <summary>The generated invoker.</summary>
    public RouteInvoker Invoker { get; }
}
