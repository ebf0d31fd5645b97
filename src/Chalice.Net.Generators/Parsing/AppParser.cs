using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Model;
using Chalice.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Generators.Parsing;

/// <summary>
/// Reads a <c>[ChaliceApp]</c> class into an <see cref="AppModel"/>. The generator uses the model and ignores
/// mistakes (it leaves the faulty handler out); the analyzer runs the same parser to report them, so both always
/// agree on what is valid.
/// </summary>
internal sealed partial class AppParser
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly ImmutableHashSet<string> s_httpMethods =
        ImmutableHashSet.Create("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private readonly KnownTypes _types;
    private readonly Action<Diagnostic>? _report;
    private readonly Action<ITypeSymbol, Location>? _jsonTypeUsed;
    private readonly CancellationToken _cancellationToken;

    // Per path: whether a route on it has CORS, and where each explicit OPTIONS is written (CHALICE017).
    private readonly Dictionary<string, PathMethods> _paths = new(StringComparer.Ordinal);

    private AppParser(KnownTypes types, Action<Diagnostic>? report, Action<ITypeSymbol, Location>? jsonTypeUsed, CancellationToken cancellationToken)
    {
        _types = types;
        _report = report;
        _jsonTypeUsed = jsonTypeUsed;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses an app class; null when no code can be generated for it (e.g. the class is not partial).</summary>
    /// <param name="report">Receives the mistakes found; null when only the model is wanted.</param>
    /// <param name="jsonTypeUsed">Receives each type the app reads or writes as JSON, for the metadata check.</param>
    public static AppModel? Parse(
        INamedTypeSymbol appClass,
        KnownTypes types,
        CancellationToken cancellationToken,
        Action<Diagnostic>? report = null,
        Action<ITypeSymbol, Location>? jsonTypeUsed = null) =>
        new AppParser(types, report, jsonTypeUsed, cancellationToken).ParseApp(appClass);

    private AppModel? ParseApp(INamedTypeSymbol appClass)
    {
        if (!CheckClassShape(appClass))
            return null;

        var appAttribute = appClass.GetAttributes().First(a => KnownTypes.Is(a.AttributeClass, _types.ChaliceAppAttribute));
        var appName = appAttribute.ConstructorArguments.Length > 0 ? appAttribute.ConstructorArguments[0].Value as string : null;
        var classCors = ReadCors(appClass.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.CorsAttribute)));

        var resolvedAppName = string.IsNullOrWhiteSpace(appName) ? appClass.Name.ToLowerInvariant() : appName!;
        var members = new AppMembers();
        ParseMembers(appClass, classCors, resolvedAppName, members);
        var blueprints = ParseBlueprints(appClass, classCors, resolvedAppName, members);
        CheckCorsWithOptions();
        var authorizers = ParseApiAuthorizers(appClass);
        CheckAuthorizerNames(appClass, authorizers);

        return new AppModel(
            appClass.ContainingNamespace.IsGlobalNamespace ? "" : appClass.ContainingNamespace.ToDisplayString(),
            appClass.Name,
            appClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            resolvedAppName,
            ConstructorParameters(appClass),
            HasConfigureServices(appClass),
            members.Routes.ToEquatableArray(),
            members.Handlers.ToEquatableArray(),
            members.Functions.ToEquatableArray(),
            members.Middleware.ToEquatableArray(),
            blueprints,
            authorizers,
            BinaryMediaTypes(appAttribute));
    }

    /// <summary>The media types <c>[ChaliceApp(BinaryMediaTypes = ...)]</c> adds to Chalice's defaults.</summary>
    private static EquatableArray<string> BinaryMediaTypes(AttributeData appAttribute) =>
        appAttribute.NamedArguments.FirstOrDefault(a => a.Key == "BinaryMediaTypes").Value is { IsNull: false, Kind: TypedConstantKind.Array } types
            ? types.Values.Select(v => v.Value as string ?? "").ToEquatableArray()
            : EquatableArray<string>.Empty;

    /// <summary>
    /// Parses the routes, functions and middleware declared in <paramref name="type"/>: the app class, or a blueprint
    /// (then <see cref="_blueprint"/> says how its paths and names are prefixed and whose members they are). Every kind
    /// of member goes through here, so a blueprint's members are parsed exactly as the app's.
    /// </summary>
    private void ParseMembers(INamedTypeSymbol type, CorsModel? classCors, string appName, AppMembers members)
    {
        foreach (var member in type.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var middlewareAttribute = member.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.MiddlewareAttribute));
            if (!IsReachableFromTheApp(member))
                continue;
            if (middlewareAttribute is not null)
            {
                if (ParseMiddleware(member, middlewareAttribute) is { } middleware)
                    members.Middleware.Add(middleware with { Handler = middleware.Handler with { Owner = _blueprint?.Model } });
                continue;
            }
            if (member is not IMethodSymbol method)
                continue;
            var routeAttributes = method.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, _types.RouteAttribute)).ToArray();
            var functionAttributes = method.GetAttributes().Where(_types.IsFunctionAttribute).ToArray();
            if (functionAttributes.Length > 0)
            {
                if (ParseFunction(method, functionAttributes, routeAttributes, appName, members.FunctionNames) is { } function)
                    members.Functions.Add(function with { Handler = function.Handler with { Owner = _blueprint?.Model } });
                continue;
            }
            if (routeAttributes.Length == 0)
                continue;
            var handlerRoutes = ParseRoutes(method, routeAttributes, classCors, members.Seen, members.Handlers.Count, out var templates, out var hasInvalidPath);
            var handler = ParseHandler(method, handlerRoutes, templates, hasInvalidPath);
            if (handler is null || handlerRoutes.Count == 0)
                continue;
            members.Handlers.Add(handler with { Owner = _blueprint?.Model });
            members.Routes.AddRange(_blueprint is { NamePrefix: { } prefix }
                ? handlerRoutes.Select(r => r with { Name = prefix + (r.Name ?? r.HandlerName) })
                : handlerRoutes);
        }
    }

    /// <summary>What the app's members collect into, across the app class and its blueprints.</summary>
    private sealed class AppMembers
    {
        public List<RouteModel> Routes { get; } = new();

        public List<HandlerModel> Handlers { get; } = new();

        public List<FunctionModel> Functions { get; } = new();

        public List<MiddlewareModel> Middleware { get; } = new();

        /// <summary>Function names taken, with the methods that took them.</summary>
        public Dictionary<string, string> FunctionNames { get; } = new(StringComparer.Ordinal);

        /// <summary>"METHOD path" of every route, with its handler.</summary>
        public Dictionary<string, string> Seen { get; } = new(StringComparer.Ordinal);
    }

    private bool CheckClassShape(INamedTypeSymbol appClass)
    {
        var declarations = appClass.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(_cancellationToken))
            .OfType<ClassDeclarationSyntax>()
            .ToArray();
        if (declarations.Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            Report(DiagnosticDescriptors.AppClassNotPartial, appClass.Locations.FirstOrDefault(), appClass.Name);
            return false;
        }
        string? problem = appClass switch
        {
            { ContainingType: not null } => $"The [ChaliceApp] class '{appClass.Name}' must not be nested in another type",
            { IsStatic: true } => $"The [ChaliceApp] class '{appClass.Name}' must not be static",
            { IsAbstract: true } => $"The [ChaliceApp] class '{appClass.Name}' must not be abstract",
            { IsGenericType: true } => $"The [ChaliceApp] class '{appClass.Name}' must not be generic",
            _ => null,
        };
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedAppShape, appClass.Locations.FirstOrDefault(), problem);
            return false;
        }
        return true;
    }

    private EquatableArray<ServiceModel> ConstructorParameters(INamedTypeSymbol appClass)
    {
        var constructors = appClass.InstanceConstructors;
        if (constructors.Length > 1)
            Report(DiagnosticDescriptors.AmbiguousConstructor, appClass.Locations.FirstOrDefault(), appClass.Name, constructors.Length);
        var chosen = constructors.OrderByDescending(c => c.Parameters.Length).First();
        return chosen.Parameters.Select(p => new ServiceModel(NonNullableName(p.Type), ServiceKey(p))).ToEquatableArray();
    }

    /// <summary>The key of a <c>[FromKeyedServices(key)]</c> parameter as a C# expression; null when it has none.</summary>
    private string? ServiceKey(IParameterSymbol parameter)
    {
        var keyed = parameter.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.FromKeyedServicesAttribute));
        if (keyed is null)
            return null;
        return keyed.ConstructorArguments.Length > 0 ? keyed.ConstructorArguments[0].ToCSharpString() : "null";
    }

    private bool HasConfigureServices(INamedTypeSymbol appClass)
    {
        var method = appClass.GetMembers("ConfigureServices").OfType<IMethodSymbol>().FirstOrDefault();
        if (method is null)
            return false;
        var valid = method.IsStatic && method.ReturnsVoid && !method.IsGenericMethod && method.Parameters.Length == 1
                    && KnownTypes.Is(method.Parameters[0].Type, _types.ServiceCollection);
        if (!valid)
            Report(DiagnosticDescriptors.InvalidConfigureServices, method.Locations.FirstOrDefault());
        return valid;
    }

    /// <param name="templates">The {params} of every route whose path is valid, kept even when the route is refused
    /// for another reason (an unknown method, a duplicate), so that its parameters are still checked.</param>
    /// <param name="hasInvalidPath">A path is invalid: parameters meant for it cannot be judged.</param>
    private List<RouteModel> ParseRoutes(
        IMethodSymbol method, AttributeData[] attributes, CorsModel? classCors, Dictionary<string, string> seen, int handlerIndex,
        out List<RouteTemplate> templates, out bool hasInvalidPath)
    {
        var methodCors = ReadCors(method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _types.CorsAttribute)));
        var routes = new List<RouteModel>();
        templates = new List<RouteTemplate>();
        hasInvalidPath = false;
        foreach (var attribute in attributes)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
            var arguments = syntax?.ArgumentList?.Arguments;
            var pathLocation = arguments is { Count: > 0 } ? arguments.Value[0].GetLocation() : syntax?.GetLocation();

            var path = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            var error = "the path is null";
            if (path is null || !RouteTemplateSyntax.TryParse(path, out var segments, out error))
            {
                Report(DiagnosticDescriptors.InvalidRouteTemplate, pathLocation, path ?? "null", error);
                hasInvalidPath = true;
                continue;
            }
            if (_blueprint?.UrlPrefix is { } prefix)
            {
                var written = path;
                path = BlueprintScope.Join(prefix, written);
                if (!RouteTemplateSyntax.TryParse(path, out segments, out error))
                {
                    Report(DiagnosticDescriptors.InvalidBlueprintPrefix, _blueprint.UrlPrefixLocation, prefix, written, method.Name, path, error);
                    hasInvalidPath = true;
                    continue;
                }
            }
            templates.Add(new RouteTemplate(path, segments.Where(s => s.Kind != RouteSegmentKind.Literal).Select(s => s.Value).ToImmutableHashSet()));

            var methods = new List<string>();
            var optionsLocation = default(Location);
            var valid = true;
            var methodValues = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Values : ImmutableArray<TypedConstant>.Empty;
            for (var i = 0; i < methodValues.Length; i++)
            {
                var written = methodValues[i].Value as string;
                var httpMethod = written?.ToUpperInvariant();
                var location = arguments is { } args && args.Count > i + 1 ? args[i + 1].GetLocation() : pathLocation;
                if (httpMethod is null || !s_httpMethods.Contains(httpMethod))
                {
                    Report(DiagnosticDescriptors.InvalidHttpMethod, location, written ?? "null", SeparateMethodsHint(written));
                    valid = false;
                    continue;
                }
                if (httpMethod == "OPTIONS")
                    optionsLocation = location;
                methods.Add(httpMethod);
            }
            if (methods.Count == 0 && valid)
                methods.Add("GET");

            foreach (var httpMethod in methods.ToArray())
            {
                var key = httpMethod + " " + path;
                if (seen.TryGetValue(key, out var owner))
                {
                    Report(DiagnosticDescriptors.DuplicateRoute, syntax?.GetLocation(), httpMethod, path, owner);
                    methods.Remove(httpMethod);
                }
                else
                {
                    seen[key] = MemberName(method);
                }
            }
            if (!valid || methods.Count == 0)
                continue;

            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
            var corsEnabled = named.TryGetValue("Cors", out var corsValue) && corsValue.Value is true;
            var cors = methodCors ?? (corsEnabled || classCors is not null ? classCors ?? DefaultCors : null);
            if (!_paths.TryGetValue(path, out var pathMethods))
                _paths[path] = pathMethods = new PathMethods();
            pathMethods.HasCors |= cors is not null;
            if (optionsLocation is not null && methods.Contains("OPTIONS"))
                pathMethods.ExplicitOptions.Add((optionsLocation, method.Name));
            routes.Add(new RouteModel(
                path,
                methods.ToEquatableArray(),
                method.Name,
                handlerIndex,
                named.TryGetValue("Name", out var name) ? name.Value as string : null,
                named.TryGetValue("ContentTypes", out var types) && !types.IsNull
                    ? types.Values.Select(v => v.Value as string ?? "").ToEquatableArray()
                    : EquatableArray<string>.Empty,
                cors,
                named.TryGetValue("ApiKeyRequired", out var apiKey) && apiKey.Value is true,
                named.TryGetValue("Authorizer", out var authorizer) ? authorizer.Value as string : null));
            if (authorizer.Value is string authorizerName)
                UseAuthorizer(string.Join(",", methods), path, authorizerName, attribute);
        }
        return routes;
    }

    /// <summary>For <c>"GET,POST"</c> written as one string: the methods as separate strings.</summary>
    private static string SeparateMethodsHint(string? written)
    {
        var parts = (written ?? "").Split(new[] { ',', ' ', ';', '|' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts.All(p => s_httpMethods.Contains(p.ToUpperInvariant())))
            return "";
        return "; write each method as its own string: " + string.Join(", ", parts.Select(p => "\"" + p.ToUpperInvariant() + "\""));
    }

    /// <summary>
    /// Chalice refuses CORS on a path that also lists OPTIONS itself, because the preflight method is added for it and
    /// API Gateway cannot hold the method twice (chalice/deploy/validate.py, <c>_validate_cors_for_route</c>).
    /// </summary>
    private void CheckCorsWithOptions()
    {
        foreach (var pair in _paths.Where(p => p.Value.HasCors))
        {
            foreach (var (location, handler) in pair.Value.ExplicitOptions)
                Report(DiagnosticDescriptors.CorsWithOptionsMethod, location, pair.Key, handler);
        }
    }

    private static readonly CorsModel DefaultCors =
        new("*", EquatableArray<string>.Empty, EquatableArray<string>.Empty, -1, false);

    private static CorsModel? ReadCors(AttributeData? attribute)
    {
        if (attribute is null)
            return null;
        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        EquatableArray<string> Strings(string key) =>
            named.TryGetValue(key, out var value) && !value.IsNull
                ? value.Values.Select(v => v.Value as string ?? "").ToEquatableArray()
                : EquatableArray<string>.Empty;
        return new CorsModel(
            named.TryGetValue("AllowOrigin", out var origin) && origin.Value is string o ? o : "*",
            Strings("AllowHeaders"),
            Strings("ExposeHeaders"),
            named.TryGetValue("MaxAge", out var maxAge) && maxAge.Value is int age ? age : -1,
            named.TryGetValue("AllowCredentials", out var credentials) && credentials.Value is true);
    }

    private HandlerModel? ParseHandler(IMethodSymbol method, List<RouteModel> routes, List<RouteTemplate> templates, bool hasInvalidPath)
    {
        var methodSyntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as MethodDeclarationSyntax;
        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.UnsupportedAppShape, method.Locations.FirstOrDefault(), $"Handler '{method.Name}' must not be generic");
            return null;
        }

        var returnModel = ParseReturn(method, methodSyntax?.ReturnType.GetLocation() ?? method.Locations.FirstOrDefault());
        var templateParameters = routes
            .Select(r => RouteTemplateSyntax.TryParse(r.Path, out var segments, out _) ? segments : new RouteSegment[0])
            .Select(segments => segments.Where(s => s.Kind != RouteSegmentKind.Literal).Select(s => s.Value).ToImmutableHashSet())
            .ToArray();

        var parameters = new List<ParameterModel>();
        var valid = returnModel is not null;
        var hasBody = false;
        foreach (var parameter in method.Parameters)
        {
            var model = ParseParameter(method, parameter, templates, hasInvalidPath, ref hasBody);
            if (model is null)
                valid = false;
            else
                parameters.Add(model);
        }

        // Every {param} of every template must reach a handler parameter.
        var bound = new HashSet<string>(parameters.Where(p => p.Source == ParameterSource.Route).Select(p => p.BindingName));
        for (var i = 0; i < routes.Count; i++)
        {
            foreach (var name in templateParameters[i].Where(n => !bound.Contains(n)).OrderBy(n => n, StringComparer.Ordinal))
            {
                Report(DiagnosticDescriptors.RouteParameterNotBound, RoutePathLocation(method, routes[i].Path), routes[i].Path, name, method.Name);
                valid = false;
            }
        }

        return valid ? new HandlerModel(method.Name, method.IsStatic, parameters.ToEquatableArray(), returnModel!) : null;
    }

    private ParameterModel? ParseParameter(
        IMethodSymbol method, IParameterSymbol parameter, List<RouteTemplate> templates, bool hasInvalidPath, ref bool hasBody)
    {
        var type = parameter.Type;
        var typeName = type.ToDisplayString(s_typeFormat);
        var location = parameter.Locations.FirstOrDefault();
        var typeLocation = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as ParameterSyntax)?.Type?.GetLocation() ?? location;
        var isOptional = parameter.HasExplicitDefaultValue
                         || parameter.NullableAnnotation == NullableAnnotation.Annotated
                         || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter) : isOptional ? "null" : null;

        if (parameter.RefKind != RefKind.None)
        {
            Report(DiagnosticDescriptors.UnsupportedAppShape, location, $"Parameter '{parameter.Name}' of '{method.Name}' must not be ref, out or in");
            return null;
        }

        ParameterModel Simple(ParameterSource source) =>
            new(parameter.Name, typeName, source, parameter.Name, ValueConversion.None, BodyKind.None, NonNullableName(type), false, isOptional, defaultValue);

        if (KnownTypes.Is(type, _types.CancellationToken))
            return Simple(ParameterSource.CancellationToken);
        if (KnownTypes.Is(type, _types.Request))
            return Simple(ParameterSource.Request);
        if (KnownTypes.Is(type, _types.LambdaContext))
            return Simple(ParameterSource.LambdaContext);
        // The container always has logging (ChaliceApplication adds it), so a logger needs no [FromServices].
        if (IsLogger(type) && parameter.GetAttributes().IsEmpty)
            return Simple(ParameterSource.Services);

        var attributes = parameter.GetAttributes();
        AttributeData? Find(INamedTypeSymbol? attributeType) => attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, attributeType));
        string NameFrom(AttributeData attribute) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? parameter.Name;

        if (Find(_types.FromServicesAttribute) is not null)
            return Simple(ParameterSource.Services);
        if (ServiceKey(parameter) is { } key)
            return Simple(ParameterSource.KeyedServices) with { BindingName = key };

        if (Find(_types.FromBodyAttribute) is not null)
        {
            if (hasBody)
            {
                Report(DiagnosticDescriptors.UnsupportedAppShape, location, $"'{method.Name}' has more than one [FromBody] parameter");
                return null;
            }
            hasBody = true;
            var kind = BodyKindOf(type);
            if (kind == BodyKind.Json)
                _jsonTypeUsed?.Invoke(type, typeLocation!);
            return new ParameterModel(parameter.Name, typeName, ParameterSource.Body, parameter.Name, ValueConversion.None, kind, NonNullableName(type), false, isOptional, defaultValue);
        }

        var (conversion, element, isArray) = Classify(type);
        string elementName = element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        if (Find(_types.FromQueryAttribute) is { } query)
            return Converted(ParameterSource.Query, NameFrom(query), "the query string");
        if (Find(_types.FromAuthorizerAttribute) is { } fromAuthorizer)
            return Converted(ParameterSource.Authorizer, NameFrom(fromAuthorizer), "the authorizer's context");
        if (Find(_types.FromHeaderAttribute) is { } header)
        {
            var named = header.NamedArguments.Any(a => a.Key == "Name" && a.Value.Value is string);
            if (!named && HeaderName.Hyphenated(parameter.Name) is { } hyphenated)
                Report(DiagnosticDescriptors.HeaderNameAsWritten, location, parameter.Name, hyphenated);
            return Converted(ParameterSource.Header, NameFrom(header), "a header");
        }

        var fromRoute = Find(_types.FromRouteAttribute);
        var routeName = fromRoute is null ? parameter.Name : NameFrom(fromRoute);
        if (fromRoute is not null || templates.Any(t => t.Parameters.Contains(routeName)))
        {
            foreach (var template in templates)
            {
                if (!template.Parameters.Contains(routeName))
                {
                    Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name,
                        $"is not a parameter of route '{template.Path}'");
                    return null;
                }
            }
            if (isArray)
            {
                Report(DiagnosticDescriptors.UnsupportedParameterType, typeLocation, parameter.Name, typeName, "a route parameter");
                return null;
            }
            return Converted(ParameterSource.Route, routeName, "a route parameter");
        }

        // With an invalid path the parameter may well be meant for it: CHALICE007 says what to fix first.
        if (!hasInvalidPath)
            Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, "is not a route parameter");
        return null;

        ParameterModel? Converted(ParameterSource source, string bindingName, string from)
        {
            if (conversion == ValueConversion.None)
            {
                Report(DiagnosticDescriptors.UnsupportedParameterType, typeLocation, parameter.Name, typeName, from);
                return null;
            }
            return new ParameterModel(parameter.Name, typeName, source, bindingName, conversion, BodyKind.None, elementName, isArray, isOptional, defaultValue);
        }
    }

    private (ValueConversion Conversion, ITypeSymbol Element, bool IsArray) Classify(ITypeSymbol type)
    {
        var isArray = false;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            type = array.ElementType;
            isArray = true;
        }
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            if (isArray)
                return (ValueConversion.None, type, isArray);
            type = nullable.TypeArguments[0];
        }
        type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

        if (type.SpecialType == SpecialType.System_String)
            return (ValueConversion.String, type, isArray);
        if (type.TypeKind == TypeKind.Enum)
            return (ValueConversion.Enum, type, isArray);
        if (type is INamedTypeSymbol named && _types.Parsable is not null && named.AllInterfaces.Any(i =>
                KnownTypes.Is(i, _types.Parsable) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], named)))
            return (ValueConversion.Parsable, type, isArray);
        return (ValueConversion.None, type, isArray);
    }

    private BodyKind BodyKindOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
            return BodyKind.Text;
        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            return BodyKind.Bytes;
        if (KnownTypes.Is(type, _types.JsonNode))
            return BodyKind.JsonNode;
        return BodyKind.Json;
    }

    private ReturnModel? ParseReturn(IMethodSymbol method, Location? location)
    {
        if (method.ReturnsVoid)
            return new ReturnModel(ReturnShape.Void);
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            return Unsupported("handlers cannot return by reference");

        var (shape, inner) = ReturnShapeOf(method.ReturnType);
        if (inner is null)
            return new ReturnModel(shape);
        var problem = UnreturnableProblem(inner) ?? inner switch
        {
            _ when KnownTypes.Is(inner, _types.AsyncEnumerable) => "streaming responses are not supported by API Gateway; return a list",
            _ when KnownTypes.DerivesFrom(inner, _types.HttpResponseMessage) =>
                "an HttpResponseMessage is a client's view of a response; return Chalice.Response (status code, headers and body) instead",
            _ => null,
        };
        if (problem is not null)
            return Unsupported(problem);
        if (JsonBodyRule.NeedsMetadata(inner, _types))
            _jsonTypeUsed?.Invoke(inner, location!);
        return new ReturnModel(shape);

        ReturnModel? Unsupported(string reason)
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, method.ReturnType.ToDisplayString(), reason);
            return null;
        }
    }

    /// <summary>How a method returns, and the value it returns (inside its task, if any); null inner for none.</summary>
    private (ReturnShape Shape, ITypeSymbol? Inner) ReturnShapeOf(ITypeSymbol type)
    {
        if (KnownTypes.Is(type, _types.Task))
            return (ReturnShape.Task, null);
        if (KnownTypes.Is(type, _types.ValueTask))
            return (ReturnShape.ValueTask, null);
        if (KnownTypes.Is(type, _types.TaskOfT))
            return (ReturnShape.TaskOfValue, ((INamedTypeSymbol)type).TypeArguments[0]);
        if (KnownTypes.Is(type, _types.ValueTaskOfT))
            return (ReturnShape.ValueTaskOfValue, ((INamedTypeSymbol)type).TypeArguments[0]);
        return (ReturnShape.Value, type);
    }

    /// <summary>Why no handler can return <paramref name="inner"/>, whatever serves it; null when it can.</summary>
    private string? UnreturnableProblem(ITypeSymbol inner) => inner switch
    {
        _ when inner.IsRefLikeType => "ref struct values cannot outlive the handler",
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers cannot be sent",
        { TypeKind: TypeKind.Delegate } => "delegates cannot be serialized",
        { TypeKind: TypeKind.TypeParameter } => "open generic types cannot be serialized",
        { TypeKind: TypeKind.Dynamic } => "dynamic values have no JSON metadata; return object or a concrete type",
        _ when KnownTypes.Is(inner, _types.Task) || KnownTypes.Is(inner, _types.TaskOfT)
               || KnownTypes.Is(inner, _types.ValueTask) || KnownTypes.Is(inner, _types.ValueTaskOfT) => "await the inner task instead",
        _ => null,
    };

    private static string NonNullableName(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat);

    private static string FormatDefault(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
            return "default";
        var type = parameter.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            type = nullable.TypeArguments[0];
        var literal = SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        return $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({literal})";
    }

    private Location? RoutePathLocation(IMethodSymbol method, string path)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, _types.RouteAttribute)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string written
                && (_blueprint?.UrlPrefix is { } prefix ? BlueprintScope.Join(prefix, written) : written) == path
                && attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
                return syntax.ArgumentList.Arguments[0].GetLocation();
        }
        return method.Locations.FirstOrDefault();
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        _report?.Invoke(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>A valid route path and its {params}.</summary>
    private sealed record RouteTemplate(string Path, ImmutableHashSet<string> Parameters);

    private sealed class PathMethods
    {
        public bool HasCors { get; set; }

        public List<(Location Location, string Handler)> ExplicitOptions { get; } = new();
    }
}
