using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Diagnostics;

/// <summary>Every diagnostic Chalice.Net reports. IDs are stable: never reuse or renumber one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Chalice";

    public static readonly DiagnosticDescriptor DuplicateRoute = Error(
        "CHALICE001", "Duplicate route",
        "Route {0} {1} is already served by '{2}'");

    public static readonly DiagnosticDescriptor RouteParameterNotBound = Error(
        "CHALICE002", "Route parameter without a handler parameter",
        "Route '{0}' has the parameter '{{{1}}}' but '{2}' has no parameter of that name; add one, or use [FromRoute(Name = \"{1}\")]");

    public static readonly DiagnosticDescriptor UnbindableParameter = Error(
        "CHALICE003", "Parameter has no binding source",
        "Parameter '{0}' of '{1}' {2}; add [FromQuery], [FromHeader], [FromBody] or [FromServices]");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "CHALICE004", "Unsupported parameter type",
        "Parameter '{0}' has type '{1}', which cannot be bound from {2}; use string, an enum, a type implementing IParsable<T>, a nullable of these or an array of these");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "CHALICE005", "Unsupported return type",
        "'{0}' returns '{1}', which a handler cannot return: {2}");

    public static readonly DiagnosticDescriptor AppClassNotPartial = Error(
        "CHALICE006", "App class must be partial",
        "The [ChaliceApp] class '{0}' must be declared partial so that the generator can add its route table");

    public static readonly DiagnosticDescriptor InvalidRouteTemplate = Error(
        "CHALICE007", "Invalid route path",
        "Route path '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor MultipleApps = Error(
        "CHALICE008", "More than one app",
        "'{0}' is a second [ChaliceApp] class in this project ('{1}' is the first); a project holds one app");

    public static readonly DiagnosticDescriptor TypeNotInJsonContext = Error(
        "CHALICE009", "JSON type without source-generated metadata",
        "'{0}' is read or written as JSON but no JsonSerializerContext in the project declares it; {1}");

    public static readonly DiagnosticDescriptor RouteOutsideApp = Error(
        "CHALICE010", "Route outside an app",
        "'{0}' has [Route] but its class '{1}' is neither a [ChaliceApp] class nor a [Blueprint]");

    public static readonly DiagnosticDescriptor AmbiguousConstructor = Error(
        "CHALICE011", "App class has several constructors",
        "The [ChaliceApp] class '{0}' has {1} constructors; keep one, whose parameters are resolved from the app's services");

    public static readonly DiagnosticDescriptor InvalidConfigureServices = Error(
        "CHALICE012", "Invalid ConfigureServices",
        "'ConfigureServices' must be declared 'static void ConfigureServices(IServiceCollection services)'");

    public static readonly DiagnosticDescriptor InvalidHttpMethod = Error(
        "CHALICE013", "Invalid HTTP method",
        "'{0}' is not an HTTP method API Gateway supports (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS){1}");

    public static readonly DiagnosticDescriptor UnsupportedAppShape = Error(
        "CHALICE014", "Unsupported app or handler shape",
        "{0}");

    public static readonly DiagnosticDescriptor ServiceNeverRegistered = Error(
        "CHALICE015", "Service never registered",
        "{0} needs the service '{1}', which the app never registers, so {2} on Lambda and locally; {3}");

    public static readonly DiagnosticDescriptor HeaderNameAsWritten = Warning(
        "CHALICE016", "Header parameter name is not the header a client sends",
        "[FromHeader] parameter '{0}' binds the header '{0}' exactly as written (a C# name cannot hold '-'), so a client sending '{1}' does not reach it; write [FromHeader(Name = \"{1}\")], or [FromHeader(Name = \"{0}\")] if '{0}' is the header's real name");

    public static readonly DiagnosticDescriptor CorsWithOptionsMethod = Error(
        "CHALICE017", "CORS together with an OPTIONS method",
        "Route '{0}' has CORS enabled, so the OPTIONS method is added for it (the preflight); remove \"OPTIONS\" from the methods of '{1}', as Chalice requires");

    public static readonly DiagnosticDescriptor InvalidScheduleExpression = Error(
        "CHALICE018", "Invalid schedule expression",
        "Schedule expression '{0}' is not one EventBridge accepts: {1}");

    public static readonly DiagnosticDescriptor InvalidEventPattern = Error(
        "CHALICE019", "Invalid event pattern",
        "The event pattern is not one EventBridge accepts: {0}");

    public static readonly DiagnosticDescriptor DuplicateFunctionName = Error(
        "CHALICE020", "Duplicate function name",
        "The function name '{0}' is already {1}; give this one another with Name = \"...\"");

    public static readonly DiagnosticDescriptor InvalidFunctionName = Error(
        "CHALICE021", "Function name Lambda refuses",
        "{0}");

    public static readonly DiagnosticDescriptor UnsupportedFunctionParameter = Error(
        "CHALICE022", "Unsupported parameter for the function's event source",
        "Parameter '{0}' of '{1}' cannot be bound: {2}");

    public static readonly DiagnosticDescriptor UnsupportedFunctionReturn = Error(
        "CHALICE023", "Unsupported return type for the function's event source",
        "'{0}' returns '{1}', which {2} cannot return: {3}");

    public static readonly DiagnosticDescriptor FunctionOutsideApp = Error(
        "CHALICE024", "Function attribute outside an app",
        "'{0}' has [{1}] but its class '{2}' is neither a [ChaliceApp] class nor a [Blueprint]");

    public static readonly DiagnosticDescriptor InvalidEventSourceSetting = Error(
        "CHALICE025", "Invalid event source setting",
        "{0}");

    public static readonly DiagnosticDescriptor UnknownAuthorizer = Error(
        "CHALICE026", "Unknown authorizer",
        "Route {0} names the authorizer '{1}', which the app does not declare; {2}");

    public static readonly DiagnosticDescriptor InvalidAuthorizerDeclaration = Error(
        "CHALICE027", "Invalid authorizer declaration",
        "The authorizer '{0}' {1}");

    public static readonly DiagnosticDescriptor DuplicateAuthorizerName = Error(
        "CHALICE028", "Two authorizers with one name",
        "The authorizer name '{0}' is already taken by {1}; a route names one authorizer, so give each its own name");

    public static readonly DiagnosticDescriptor UnknownMiddlewareKind = Error(
        "CHALICE030", "Unknown middleware kind",
        "'{0}' is not a kind of invocation middleware wraps; use one of {1} (MiddlewareKinds)");

    public static readonly DiagnosticDescriptor InvalidMiddleware = Error(
        "CHALICE031", "Invalid middleware",
        "Middleware '{0}' {1}");

    public static readonly DiagnosticDescriptor BlueprintRegisteredTwice = Error(
        "CHALICE032", "Blueprint registered twice",
        "The blueprint '{0}' is already registered into '{1}'; register each blueprint once");

    public static readonly DiagnosticDescriptor InvalidBlueprintPrefix = Error(
        "CHALICE033", "Blueprint prefix makes an invalid route",
        "UrlPrefix '{0}' makes the route '{1}' of '{2}' the path '{3}', which API Gateway refuses: {4}");

    public static readonly DiagnosticDescriptor NotABlueprint = Error(
        "CHALICE034", "Registered class is not a blueprint",
        "{0}");

    public static readonly DiagnosticDescriptor BlueprintNeverRegistered = Warning(
        "CHALICE035", "Blueprint never registered",
        "The blueprint '{0}' is registered into no app, so none of its routes, functions or middleware is deployed; add [RegisterBlueprint(typeof({0}))] to the [ChaliceApp] class");

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
