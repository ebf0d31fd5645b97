using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Chalice.Generators.Analysis;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Chalice.Generators;

/// <summary>
/// Reports mistakes in Chalice.Net apps (CHALICE001–CHALICE035) at their exact location. It runs the generator's
/// parser, so an error here always corresponds to code the generator left out; the checks only an analyzer can make
/// (JSON metadata, service registrations, response bodies) live in the Analysis folder.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChaliceAppAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateRoute,
        DiagnosticDescriptors.RouteParameterNotBound,
        DiagnosticDescriptors.UnbindableParameter,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.AppClassNotPartial,
        DiagnosticDescriptors.InvalidRouteTemplate,
        DiagnosticDescriptors.MultipleApps,
        DiagnosticDescriptors.TypeNotInJsonContext,
        DiagnosticDescriptors.RouteOutsideApp,
        DiagnosticDescriptors.AmbiguousConstructor,
        DiagnosticDescriptors.InvalidConfigureServices,
        DiagnosticDescriptors.InvalidHttpMethod,
        DiagnosticDescriptors.UnsupportedAppShape,
        DiagnosticDescriptors.ServiceNeverRegistered,
        DiagnosticDescriptors.HeaderNameAsWritten,
        DiagnosticDescriptors.CorsWithOptionsMethod,
        DiagnosticDescriptors.InvalidScheduleExpression,
        DiagnosticDescriptors.InvalidEventPattern,
        DiagnosticDescriptors.DuplicateFunctionName,
        DiagnosticDescriptors.InvalidFunctionName,
        DiagnosticDescriptors.UnsupportedFunctionParameter,
        DiagnosticDescriptors.UnsupportedFunctionReturn,
        DiagnosticDescriptors.FunctionOutsideApp,
        DiagnosticDescriptors.InvalidEventSourceSetting,
        DiagnosticDescriptors.UnknownAuthorizer,
        DiagnosticDescriptors.InvalidAuthorizerDeclaration,
        DiagnosticDescriptors.DuplicateAuthorizerName,
        DiagnosticDescriptors.UnknownMiddlewareKind,
        DiagnosticDescriptors.InvalidMiddleware,
        DiagnosticDescriptors.BlueprintRegisteredTwice,
        DiagnosticDescriptors.InvalidBlueprintPrefix,
        DiagnosticDescriptors.NotABlueprint,
        DiagnosticDescriptors.BlueprintNeverRegistered);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypes.From(start.Compilation);
            if (types.ChaliceAppAttribute is null)
                return;

            var jsonTypes = new JsonMetadataCatalog(start.Compilation, types);
            var apps = new ConcurrentBag<INamedTypeSymbol>();
            var blueprints = new ConcurrentBag<INamedTypeSymbol>();
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (IsApp(type, types))
                {
                    apps.Add(type);
                    AnalyzeApp(type, types, jsonTypes, symbolContext);
                    return;
                }
                // A blueprint's members are judged with the app that registers it (the prefixes make its paths and names).
                if (IsBlueprint(type, types))
                {
                    blueprints.Add(type);
                    return;
                }
                foreach (var member in type.GetMembers())
                {
                    var middleware = member.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, types.MiddlewareAttribute));
                    if (middleware is not null)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidMiddleware, member.Locations.FirstOrDefault(), member.Name,
                            $"is in '{type.Name}', which is neither the [ChaliceApp] class nor a [Blueprint]; move it to one of them"));
                    }
                }
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    var route = method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, types.RouteAttribute));
                    if (route is not null)
                    {
                        var location = route.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation();
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RouteOutsideApp, location, method.Name, type.Name));
                    }
                    var function = method.GetAttributes().FirstOrDefault(types.IsFunctionAttribute);
                    if (function is not null)
                    {
                        var location = function.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation();
                        var attribute = function.AttributeClass!.Name;
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FunctionOutsideApp, location, method.Name,
                            attribute.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Substring(0, attribute.Length - 9) : attribute, type.Name));
                    }
                }
            }, SymbolKind.NamedType);

            // ConfigureServices' registrations need its operations, which only an operation block action may read.
            start.RegisterOperationBlockAction(blockContext =>
            {
                if (blockContext.OwningSymbol is not IMethodSymbol { Name: "ConfigureServices", IsStatic: true, Parameters.Length: 1 } method
                    || !KnownTypes.Is(method.Parameters[0].Type, types.ServiceCollection)
                    || !IsApp(method.ContainingType, types))
                    return;
                var registered = ServiceRegistrations.Read(blockContext.OperationBlocks, method.Parameters[0], types);
                if (registered is not null)
                    ServiceRegistrations.Check(method.ContainingType, registered, hasConfigureServices: true, types, blockContext.Compilation, blockContext.ReportDiagnostic);
            });

            start.RegisterOperationAction(operationContext =>
            {
                if (!InsideApp(operationContext.ContainingSymbol, types)
                    || ResponseBodies.BodyOf(operationContext.Operation, types) is not { } body
                    || ResponseBodies.ExactType(body) is not { } bodyType
                    || !JsonBodyRule.NeedsMetadata(bodyType, types))
                    return;
                if (jsonTypes.Check(bodyType, body.Syntax.GetLocation()) is { } missing)
                    operationContext.ReportDiagnostic(missing);
            }, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

            start.RegisterCompilationEndAction(end =>
            {
                var ordered = apps.OrderBy(a => a.Locations.FirstOrDefault()?.SourceTree?.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(a => a.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
                    .ToArray();
                foreach (var extra in ordered.Skip(1))
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MultipleApps, extra.Locations.FirstOrDefault(), extra.Name, ordered[0].Name));
                var registered = new System.Collections.Generic.HashSet<ISymbol?>(
                    apps.SelectMany(app => app.GetAttributes())
                        .Where(a => KnownTypes.Is(a.AttributeClass, types.RegisterBlueprintAttribute) && a.ConstructorArguments.Length > 0)
                        .Select(a => a.ConstructorArguments[0].Value as ISymbol),
                    SymbolEqualityComparer.Default);
                foreach (var blueprint in blueprints.Where(b => !registered.Contains(b)).OrderBy(b => b.Name, System.StringComparer.Ordinal))
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlueprintNeverRegistered, blueprint.Locations.FirstOrDefault(), blueprint.Name));
            });
        });
    }

    private static void AnalyzeApp(INamedTypeSymbol app, KnownTypes types, JsonMetadataCatalog jsonTypes, SymbolAnalysisContext context)
    {
        var model = AppParser.Parse(
            app, types, context.CancellationToken,
            context.ReportDiagnostic,
            (jsonType, location) =>
            {
                if (jsonTypes.Check(jsonType, location) is { } missing)
                    context.ReportDiagnostic(missing);
            });
        // With no ConfigureServices the app registers nothing; one that exists is read by the operation block action.
        if (model is not null && app.GetMembers("ConfigureServices").IsEmpty)
            ServiceRegistrations.Check(app, ImmutableHashSet<ITypeSymbol>.Empty, hasConfigureServices: false, types, context.Compilation, context.ReportDiagnostic);
    }

    private static bool IsApp(INamedTypeSymbol? type, KnownTypes types) =>
        type is not null && type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.ChaliceAppAttribute));

    private static bool IsBlueprint(INamedTypeSymbol? type, KnownTypes types) =>
        type is not null && type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.BlueprintAttribute));

    private static bool InsideApp(ISymbol? symbol, KnownTypes types)
    {
        for (var type = symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsApp(type, types) || IsBlueprint(type, types))
                return true;
        }
        return false;
    }
}
