using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Chalice.Generators.Tests;

/// <summary>Compiles app sources in memory with the Chalice generator and analyzer, as a real build would.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(ChaliceAppAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, string name = "App") =>
        CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "App.cs")],
            s_references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// tests/TestApps/TestApp as its build compiles it: an executable with the SDK's implicit usings, referencing
    /// Chalice.Net and the local emulator.
    /// </summary>
    public static CSharpCompilation CompileTestApp() => CompileTestApp("TestApp");

    /// <summary>An app under tests/TestApps (<c>TestApp</c>, <c>EventsApp</c>) as its build compiles it.</summary>
    public static CSharpCompilation CompileTestApp(string app)
    {
        const string implicitUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;
        var folder = Chalice.Tests.RepoPaths.InRepo("tests", "TestApps", app);
        var trees = Directory.GetFiles(folder, "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), ParseOptions, path: Path.GetFileName(file)))
            .Append(CSharpSyntaxTree.ParseText(implicitUsings, ParseOptions, path: "GlobalUsings.g.cs"));
        return CSharpCompilation.Create(
            app,
            trees,
            [.. s_references, MetadataReference.CreateFromFile(typeof(Chalice.Local.LocalEmulator).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// The framework's own source generators that the test app relies on, from the SDK's reference packs as a real build
    /// takes them: System.Text.Json's (apps' JsonSerializerContexts) and Microsoft.Extensions.Logging's
    /// (<c>[LoggerMessage]</c>).
    /// </summary>
    private static readonly Lazy<ISourceGenerator[]> s_frameworkGenerators = new(() =>
    [
        .. FrameworkGenerators("Microsoft.NETCore.App.Ref", "System.Text.Json.SourceGeneration.dll"),
        .. FrameworkGenerators("Microsoft.AspNetCore.App.Ref", "Microsoft.Extensions.Logging.Generators.dll"),
    ]);

    private static IEnumerable<ISourceGenerator> FrameworkGenerators(string pack, string file)
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var dotnetRoot = runtime.Parent!.Parent!.Parent!.FullName;
        var newest = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", pack))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version())
            .First();
        var path = Path.Combine(newest, "analyzers", "dotnet", "cs", file);
        return new AnalyzerFileReference(path, AnalyzerLoader.Instance).GetGenerators(LanguageNames.CSharp);
    }

    public static GeneratorDriver CreateDriver(bool withFrameworkGenerators = false) =>
        CSharpGeneratorDriver.Create(
            [new ChaliceAppGenerator().AsSourceGenerator(), .. withFrameworkGenerators ? s_frameworkGenerators.Value : []],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with the generated sources and the compiler's errors.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Errors, GeneratorDriverRunResult Run) Generate(CSharpCompilation compilation)
    {
        var driver = CreateDriver(withFrameworkGenerators: true).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = output.GetDiagnostics().AddRange(generatorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        return (output, errors, driver.GetRunResult());
    }

    /// <summary>The analyzer's diagnostics for the sources (after generation, as in an IDE or a build).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var (output, _, _) = Generate(Compile(source));
        var withAnalyzers = output.WithAnalyzers([new ChaliceAppAnalyzer()]);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static AnalyzerLoader Instance { get; } = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) =>
            System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
