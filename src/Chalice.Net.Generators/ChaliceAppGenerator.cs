using System.Collections.Immutable;
using System.Linq;
using Chalice.Generators.Emit;
using Chalice.Generators.Model;
using Chalice.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Chalice.Generators;

/// <summary>
/// Turns <c>[ChaliceApp]</c> classes into API Gateway / Lambda wiring: route table, typed invokers, <c>Main</c>, and
/// the app manifest. Mistakes are reported by <see cref="ChaliceAppAnalyzer"/>; this generator skips what is invalid.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ChaliceAppGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var apps = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Chalice.ChaliceAppAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => AppParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, KnownTypes.From(ctx.SemanticModel.Compilation), ct))
            .Where(static app => app is not null)
            .Select(static (app, _) => app!)
            .WithTrackingName(TrackingNames.Apps);

        var jsonContexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "System.Text.Json.Serialization.JsonSerializableAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => IsContext((INamedTypeSymbol)ctx.TargetSymbol)
                    ? ctx.TargetSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                    : null)
            .Where(static name => name is not null)
            .Collect()
            .Select(static (names, _) => names.Select(n => n!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.JsonContexts);

        // A project with its own Main (or top-level statements, or xunit's generated entry point) keeps it.
        var hasUserEntryPoint = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is GlobalStatementSyntax
                    || node is MethodDeclarationSyntax { Identifier.ValueText: "Main" } method && method.Modifiers.Any(SyntaxKind.StaticKeyword),
                static (_, _) => true)
            .Collect()
            .Select(static (found, _) => found.Length > 0)
            .WithTrackingName(TrackingNames.UserEntryPoint);

        var target = context.CompilationProvider
            .Select(static (compilation, _) => new GenerationTarget(
                compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication,
                compilation.GetTypeByMetadataName("Chalice.Local.LocalEmulator") is not null))
            .WithTrackingName(TrackingNames.Target);

        context.RegisterSourceOutput(apps.Combine(jsonContexts), static (spc, pair) =>
            spc.AddSource($"{Hint(pair.Left)}.ChaliceApp.g.cs", AppEmitter.Emit(pair.Left, pair.Right)));

        var singleApp = apps.Collect()
            .Select(static (all, _) => all.Length == 1 ? all[0] : null)
            .WithTrackingName(TrackingNames.SingleApp);

        context.RegisterSourceOutput(singleApp, static (spc, app) =>
        {
            if (app is not null)
                spc.AddSource("ChaliceManifest.g.cs", ManifestEmitter.Emit(app));
        });

        context.RegisterSourceOutput(singleApp.Combine(target).Combine(hasUserEntryPoint), static (spc, input) =>
        {
            var ((app, buildTarget), userEntryPoint) = input;
            if (app is not null && buildTarget.IsExecutable && !userEntryPoint)
                spc.AddSource("ChaliceProgram.g.cs", EntryPointEmitter.Emit(app, buildTarget));
        });
    }

    private static string Hint(AppModel app) => app.Namespace.Length == 0 ? app.ClassName : app.Namespace + "." + app.ClassName;

    private static bool IsContext(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == "System.Text.Json.Serialization.JsonSerializerContext")
                return !type.IsAbstract;
        }
        return false;
    }
}
