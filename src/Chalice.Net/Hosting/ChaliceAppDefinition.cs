using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using Chalice.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Chalice.Hosting;

/// <summary>
/// Everything the runtime needs to know about an app, emitted by the source generator: routes with their invokers,
/// its other functions (event handlers and pure functions), the middleware around them, how to build the app's services and the app itself, and
/// the app's JSON metadata.
/// </summary>
public sealed class ChaliceAppDefinition
{
    /// <summary>Creates a definition; generated code calls this.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public ChaliceAppDefinition(string name, IReadOnlyList<RouteDefinition> routes, Func<IServiceProvider, object> createApp)
    {
        Name = name;
        Routes = routes;
        CreateApp = createApp;
    }

    /// <summary>The name from <c>[ChaliceApp]</c>.</summary>
    public string Name { get; }

    /// <summary>Every route, in declaration order.</summary>
    public IReadOnlyList<RouteDefinition> Routes { get; }

    /// <summary>
    /// The app's functions besides the API (whose routes make up the <c>api_handler</c> function), in declaration
    /// order: one Lambda function each, deployed from the same package.
    /// </summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; init; } = [];

    /// <summary>
    /// The app's middleware in registration order, the first outermost: the app class's <c>[Middleware]</c> in
    /// declaration order, then each registered blueprint's.
    /// </summary>
    public IReadOnlyList<MiddlewareDefinition> Middleware { get; init; } = [];

    /// <summary>
    /// The authorizers declared on the app class and its blueprints that are not functions of the app (Cognito user
    /// pools, IAM, existing Lambda functions, JWT issuers), in declaration order.
    /// </summary>
    public IReadOnlyList<ApiAuthorizerDefinition> Authorizers { get; init; } = [];

    /// <summary>
    /// The media types the app's REST API treats as binary: Chalice's defaults and the app's own
    /// (<see cref="ChaliceAppAttribute.BinaryMediaTypes"/>), as <see cref="Chalice.BinaryMediaTypes.With"/> combines them.
    /// </summary>
    public IReadOnlyList<string> BinaryMediaTypes { get; init; } = Chalice.BinaryMediaTypes.Default;

    /// <summary>Constructs the app class from the app's services.</summary>
    public Func<IServiceProvider, object> CreateApp { get; }

    /// <summary>The app's <c>ConfigureServices</c>, if it declares one.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The app's source-generated JSON contexts, combined; null when it declares none.</summary>
    public IJsonTypeInfoResolver? JsonResolver { get; init; }
}

/// <summary>Implemented by the generated part of every <c>[ChaliceApp]</c> class.</summary>
public interface IChaliceApp
{
    /// <summary>The app's definition.</summary>
    static abstract ChaliceAppDefinition Definition { get; }
}
