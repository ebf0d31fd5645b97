using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Chalice.Generators.Diagnostics;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Chalice.Generators;

/// <summary>
/// Reports mistakes in Chalice.Net apps (CHALICE001–CHALICE014) at their exact location. It runs the generator's
/// parser, so an error here always corresponds to code the generator left out.
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
        DiagnosticDescriptors.UnsupportedAppShape);

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
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, types.ChaliceAppAttribute)))
                {
                    apps.Add(type);
                    AppParser.Parse(
                        type, types, symbolContext.CancellationToken,
                        symbolContext.ReportDiagnostic,
                        (jsonType, location) =>
                        {
                            if (!jsonTypes.Covers(jsonType))
                                symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeNotInJsonContext, location, jsonType.ToDisplayString()));
                        });
                    return;
                }
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    var route = method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, types.RouteAttribute));
                    if (route is not null)
                    {
                        var location = route.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation();
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RouteOutsideApp, location, method.Name, type.Name));
                    }
                }
            }, SymbolKind.NamedType);

            start.RegisterCompilationEndAction(end =>
            {
                var ordered = apps.OrderBy(a => a.Locations.FirstOrDefault()?.SourceTree?.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(a => a.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
                    .ToArray();
                foreach (var extra in ordered.Skip(1))
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MultipleApps, extra.Locations.FirstOrDefault(), extra.Name, ordered[0].Name));
            });
        });
    }

    /// <summary>
    /// The types the project's JsonSerializerContexts provide metadata for: those declared with
    /// <c>[JsonSerializable]</c>, the types reachable through their properties and elements (the JSON source generator
    /// covers those too), and the types Chalice.Net's own context covers.
    /// </summary>
    private sealed class JsonMetadataCatalog
    {
        private static readonly ImmutableHashSet<string> s_builtIn = ImmutableHashSet.Create(
            "bool", "int", "long", "double", "decimal", "string", "System.Guid", "System.DateTime", "System.DateTimeOffset",
            "System.Text.Json.JsonElement", "System.Text.Json.JsonDocument", "string[]", "int[]",
            "System.Collections.Generic.List<string>", "System.Collections.Generic.Dictionary<string, string>",
            "System.Collections.Generic.Dictionary<string, object>",
            "System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode>");

        private readonly Compilation _compilation;
        private readonly KnownTypes _types;
        private HashSet<ITypeSymbol>? _covered;

        public JsonMetadataCatalog(Compilation compilation, KnownTypes types)
        {
            _compilation = compilation;
            _types = types;
        }

        public bool Covers(ITypeSymbol type)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (s_builtIn.Contains(type.ToDisplayString()))
                return true;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                return Covers(nullable.TypeArguments[0]);
            lock (this)
            {
                _covered ??= Collect();
                return _covered.Contains(type);
            }
        }

        private HashSet<ITypeSymbol> Collect()
        {
            var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var context in AllTypes(_compilation.Assembly.GlobalNamespace).Where(t => KnownTypes.DerivesFrom(t.BaseType, _types.JsonSerializerContext)))
            {
                foreach (var attribute in context.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, _types.JsonSerializableAttribute)))
                {
                    if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol declared)
                        Walk(declared, covered);
                }
            }
            return covered;
        }

        private static void Walk(ITypeSymbol type, HashSet<ITypeSymbol> covered)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (!covered.Add(type))
                return;
            switch (type)
            {
                case IArrayTypeSymbol array:
                    Walk(array.ElementType, covered);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                        Walk(argument, covered);
                    if (named.SpecialType != SpecialType.None || named.ContainingNamespace?.ToDisplayString().StartsWith("System") == true)
                        break;
                    foreach (var property in named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public))
                        Walk(property.Type, covered);
                    break;
            }
        }

        private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
        {
            foreach (var type in ns.GetTypeMembers())
            {
                yield return type;
                foreach (var nested in type.GetTypeMembers())
                    yield return nested;
            }
            foreach (var child in ns.GetNamespaceMembers())
            {
                foreach (var type in AllTypes(child))
                    yield return type;
            }
        }
    }
}
