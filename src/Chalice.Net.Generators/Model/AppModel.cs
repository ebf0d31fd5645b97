namespace Chalice.Generators.Model;

/// <summary>
/// One <c>[ChaliceApp]</c> class, reduced to the strings and flags the emitter needs. Holds no symbol, syntax node or
/// location, so it is cheap to compare and safe to cache between compilations.
/// </summary>
internal sealed record AppModel(
    string Namespace,
    string ClassName,
    string FullyQualifiedName,
    string AppName,
    EquatableArray<ServiceModel> ConstructorParameters,
    bool HasConfigureServices,
    EquatableArray<RouteModel> Routes,
    EquatableArray<HandlerModel> Handlers,
    EquatableArray<FunctionModel> Functions,
    EquatableArray<MiddlewareModel> Middleware = default,
    EquatableArray<BlueprintModel> Blueprints = default,
    EquatableArray<ApiAuthorizerModel> Authorizers = default,
    EquatableArray<string> BinaryMediaTypes = default);

/// <summary>A service the app's constructor takes: its type, fully qualified, and for a keyed service the key as a C#
/// expression (<c>[FromKeyedServices(key)]</c>).</summary>
internal sealed record ServiceModel(string Type, string? Key);

/// <summary>One <c>[Route]</c> attribute.</summary>
internal sealed record RouteModel(
    string Path,
    EquatableArray<string> Methods,
    string HandlerName,
    int HandlerIndex,
    string? Name,
    EquatableArray<string> ContentTypes,
    CorsModel? Cors,
    bool ApiKeyRequired,
    string? Authorizer);

/// <summary>CORS settings; <c>MaxAge</c> is negative when unset.</summary>
internal sealed record CorsModel(
    string AllowOrigin,
    EquatableArray<string> AllowHeaders,
    EquatableArray<string> ExposeHeaders,
    int MaxAge,
    bool AllowCredentials);

/// <summary>A handler method and how to call it; <paramref name="Owner"/> is the blueprint declaring it, null for the app class.</summary>
internal sealed record HandlerModel(
    string MethodName,
    bool IsStatic,
    EquatableArray<ParameterModel> Parameters,
    ReturnModel Return,
    BlueprintModel? Owner = null);

/// <summary>Where a handler parameter's value comes from.</summary>
internal enum ParameterSource
{
    Route,
    Query,
    Header,

    /// <summary><c>[FromAuthorizer]</c>: a value of <c>requestContext.authorizer</c>.</summary>
    Authorizer,
    Body,
    Services,
    KeyedServices,
    CancellationToken,
    Request,
    LambdaContext,

    /// <summary>A function's event, or a pure function's input, read from the invocation's payload; a middleware's invocation.</summary>
    Event,

    /// <summary>A middleware's <c>next</c> delegate.</summary>
    Next,
}

/// <summary>How a route, query or header value converts to the parameter type.</summary>
internal enum ValueConversion
{
    None,
    String,
    Parsable,
    Enum,
}

/// <summary>How a body parameter is read.</summary>
internal enum BodyKind
{
    None,
    Json,
    Text,
    Bytes,
    JsonNode,
}

/// <summary>One handler parameter.</summary>
/// <param name="Type">The parameter type, fully qualified.</param>
/// <param name="BindingName">The route, query or header name it binds; for a keyed service, the key as a C# expression.</param>
/// <param name="ElementType">For conversions: the scalar type (array element, Nullable underlying), fully qualified.</param>
/// <param name="DefaultValue">A C# expression for the default value, or null when the parameter has none.</param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    ParameterSource Source,
    string BindingName,
    ValueConversion Conversion,
    BodyKind BodyKind,
    string ElementType,
    bool IsArray,
    bool IsOptional,
    string? DefaultValue);

/// <summary>How a handler returns.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}

/// <summary>A handler's return type.</summary>
internal sealed record ReturnModel(ReturnShape Shape);
