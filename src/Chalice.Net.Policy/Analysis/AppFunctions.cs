using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Analysis;

/// <summary>One Lambda function of the app and the code it starts from.</summary>
/// <param name="Name">Its name in the app: <c>api_handler</c> for the routes, else the handler's (the attribute's <c>Name</c>, else the method's, after the blueprint's <c>NamePrefix</c>).</param>
/// <param name="Roots">Its handler methods (every route's for the API) and the code every function runs (see <see cref="AppFunctions"/>).</param>
internal sealed record AppFunction(string Name, IReadOnlyList<ISymbol> Roots);

/// <summary>
/// The app's functions as the source generator deploys them, read from the same attributes: the <c>[ChaliceApp]</c>
/// class's and its registered blueprints' <c>[Route]</c> methods make the API function (<c>api_handler</c>), always
/// present as the deployer always deploys it; each method with another function attribute (<c>[Schedule]</c>,
/// <c>[OnSqsMessage]</c>, <c>[Authorizer]</c>, …) is a function of its own. Every function also starts from the code
/// that runs before any handler: <c>ConfigureServices</c>, <c>Main</c> methods, module initializers, top-level
/// statements, and the <c>[Middleware]</c> of its kind or of <c>all</c> (a kind that is not a constant counts for all).
/// </summary>
internal static class AppFunctions
{
    /// <summary>Chalice's name for the function that serves the routes.</summary>
    public const string ApiHandler = "api_handler";

    private const string Namespace = "Chalice";

    // The middleware kind each function attribute's invocations carry (Chalice.MiddlewareKinds); an authorizer has none.
    private static readonly Dictionary<string, string?> s_kinds = new(StringComparer.Ordinal)
    {
        ["RouteAttribute"] = "http",
        ["LambdaFunctionAttribute"] = "pure_lambda",
        ["ScheduleAttribute"] = "scheduled",
        ["OnS3EventAttribute"] = "s3",
        ["OnSqsMessageAttribute"] = "sqs",
        ["OnSnsMessageAttribute"] = "sns",
        ["OnCloudWatchEventAttribute"] = "cloudwatch",
        ["OnKinesisRecordAttribute"] = "kinesis",
        ["OnDynamoDBRecordAttribute"] = "dynamodb",
        ["AuthorizerAttribute"] = null,
    };

    /// <summary>The app's functions in the order the deployer plans them (the API first), or null when no project declares a <c>[ChaliceApp]</c> class.</summary>
    public static IReadOnlyList<AppFunction>? Find(IEnumerable<Compilation> compilations, CancellationToken cancellationToken)
    {
        var sourceTypes = compilations.SelectMany(c => SourceTypes(c.Assembly.GlobalNamespace)).ToArray();
        var apps = sourceTypes.Where(t => t.GetAttributes().Any(a => Is(a.AttributeClass, "ChaliceAppAttribute"))).ToArray();
        if (apps.Length == 0)
            return null;

        var everyFunction = new List<ISymbol> { CallGraph.GlobalCode.Instance };
        foreach (var type in sourceTypes)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if ((method.IsStatic && method.Name == "Main") || method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.ModuleInitializerAttribute"))
                    everyFunction.Add(CodeOwner.Key(method));
            }
        }

        var handlers = new List<(string Name, string? Kind, ISymbol Handler)>();
        var middleware = new List<(string Kind, ISymbol Code)>();
        foreach (var app in apps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var configure in app.GetMembers("ConfigureServices").OfType<IMethodSymbol>())
                everyFunction.Add(CodeOwner.Key(configure));
            Collect(app, namePrefix: null, handlers, middleware);
            foreach (var registration in app.GetAttributes().Where(a => Is(a.AttributeClass, "RegisterBlueprintAttribute")))
            {
                if (registration.ConstructorArguments is [{ Value: INamedTypeSymbol blueprint }, ..])
                    Collect(blueprint, Named(registration, "NamePrefix"), handlers, middleware);
            }
        }

        var functions = new List<AppFunction>();
        foreach (var group in handlers.GroupBy(h => h.Name, StringComparer.Ordinal).OrderBy(g => g.Key == ApiHandler ? 0 : 1))
        {
            var kinds = group.Select(h => h.Kind).ToHashSet();
            var roots = everyFunction
                .Concat(group.Select(h => h.Handler))
                .Concat(middleware.Where(m => m.Kind == "all" || kinds.Contains(m.Kind)).Select(m => m.Code))
                .ToArray();
            functions.Add(new AppFunction(group.Key, roots));
        }
        if (functions.Count == 0 || functions[0].Name != ApiHandler)
            functions.Insert(0, new AppFunction(ApiHandler, [.. everyFunction, .. middleware.Where(m => m.Kind is "all" or "http").Select(m => m.Code)]));
        return functions;
    }

    private static void Collect(
        INamedTypeSymbol type, string? namePrefix, List<(string Name, string? Kind, ISymbol Handler)> handlers, List<(string Kind, ISymbol Code)> middleware)
    {
        foreach (var member in type.GetMembers())
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (Is(attribute.AttributeClass, "MiddlewareAttribute"))
                {
                    // A field's middleware is a delegate its type's initializers make; a method's is the method.
                    ISymbol code = member is IMethodSymbol method ? CodeOwner.Key(method) : type.OriginalDefinition;
                    middleware.Add((attribute.ConstructorArguments is [{ Value: string kind }] ? kind : "all", code));
                    continue;
                }
                if (member is not IMethodSymbol handler || attribute.AttributeClass is not { } attributeClass)
                    continue;
                if (Is(attributeClass, "RouteAttribute"))
                    handlers.Add((ApiHandler, "http", CodeOwner.Key(handler)));
                else if (DerivesFromFunctionAttribute(attributeClass))
                {
                    var name = namePrefix + (Named(attribute, "Name") ?? handler.Name);
                    handlers.Add((name, s_kinds.GetValueOrDefault(attributeClass.Name, "all"), CodeOwner.Key(handler)));
                }
            }
        }
    }

    private static bool DerivesFromFunctionAttribute(INamedTypeSymbol attribute)
    {
        for (var type = attribute.BaseType; type is not null; type = type.BaseType)
        {
            if (Is(type, "FunctionAttribute"))
                return true;
        }
        return false;
    }

    private static bool Is(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == Namespace;

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in SourceTypes(inner))
                    yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type))
                    yield return nested;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type) =>
        type.GetTypeMembers().SelectMany(WithNested).Prepend(type);
}
