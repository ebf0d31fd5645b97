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
        var candidates = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "Chalice.ChaliceAppAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => new AppCandidate(
                    ctx.TargetSymbol.Name,
                    AppParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, KnownTypes.From(ctx.SemanticModel.Compilation), ct)))
            .WithTrackingName(TrackingNames.AppCandidates);

        var apps = candidates
            .Where(static candidate => candidate.Model is not null)
            .Select(static (candidate, _) => candidate.Model!)
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

        var projectApp = candidates.Collect()
            .Select(static (all, _) => ProjectApp.From(all))
            .WithTrackingName(TrackingNames.ProjectApp);

        context.RegisterSourceOutput(projectApp, static (spc, project) =>
        {
            if (project.App is not null)
                spc.AddSource("ChaliceManifest.g.cs", ManifestEmitter.Emit(project.App));
        });

        context.RegisterSourceOutput(projectApp.Combine(target).Combine(hasUserEntryPoint), static (spc, input) =>
        {
            var ((project, buildTarget), userEntryPoint) = input;
            if (!buildTarget.IsExecutable || userEntryPoint)
                return;
            if (project.App is not null)
                spc.AddSource("ChaliceProgram.g.cs", EntryPointEmitter.Emit(project.App, buildTarget));
            else if (project.Problem is not null)
                spc.AddSource("ChaliceProgram.g.cs", EntryPointEmitter.EmitFailing(project.Problem));
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
