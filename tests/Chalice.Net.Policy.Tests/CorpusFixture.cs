using System.Xml.Linq;
using Chalice.Configuration;
using Chalice.Policy.Loading;
using Chalice.Tests;

[assembly: AssemblyFixture(typeof(Chalice.Policy.Tests.CorpusFixture))]

namespace Chalice.Policy.Tests;

/// <summary>
/// Compiles the corpus apps in memory: MSBuild resolves the references of every package the corpus uses once (through
/// <c>CorpusReferences.csproj</c> and the real loader), and each app is its source files (and those of the projects
/// it references) over those references. <c>LoaderTests</c> prove the real loader agrees on some apps.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public static string CorpusDirectory => RepoPaths.InRepo("tests", "Chalice.Net.Policy.Tests", "Corpus");

    private ProjectDescription? _references;

    /// <summary>The corpus apps: the folders with an expected policy.</summary>
    public static TheoryData<string> Apps()
    {
        var apps = Directory.GetDirectories(CorpusDirectory)
            .Where(dir => File.Exists(Path.Combine(dir, "expected-policy.json")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(apps!);
    }

    public async ValueTask InitializeAsync()
    {
        var project = RepoPaths.InRepo("tests", "Chalice.Net.Policy.Tests", "CorpusReferences", "CorpusReferences.csproj");
        _references = (await MSBuildProjectReader.ReadAsync(project, TestContext.Current.CancellationToken)).Single();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static string AppDirectory(string app) => Path.Combine(CorpusDirectory, app);

    public static string ProjectPath(string app) => Path.Combine(AppDirectory(app), app + ".csproj");

    /// <summary>The app and the projects it references, compiled in memory.</summary>
    public AppCompilation Compile(string app)
    {
        var descriptions = new Dictionary<string, ProjectDescription>(StringComparer.Ordinal);
        Describe(ProjectPath(app), descriptions);
        return CompilationFactory.Create(ProjectPath(app), descriptions.Values);
    }

    /// <summary>An app made of the given source files alone, over the corpus references.</summary>
    public AppCompilation CompileFiles(string projectPath, IReadOnlyList<string> sourceFiles, bool executable = false) =>
        CompilationFactory.Create(projectPath, [_references! with
        {
            ProjectPath = projectPath,
            OutputKind = executable ? Microsoft.CodeAnalysis.OutputKind.ConsoleApplication : Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            AssemblyName = Path.GetFileNameWithoutExtension(projectPath),
            SourceFiles = sourceFiles,
            ProjectReferences = [],
        }]);

    /// <summary>The environment variables a stage of the app declares in its .chalice/config.json.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string app, string stage = ChaliceConfig.DefaultStage) =>
        ChaliceConfig.Load(AppDirectory(app)).ForStage(stage).EnvironmentVariables;

    private void Describe(string projectPath, Dictionary<string, ProjectDescription> descriptions)
    {
        if (descriptions.ContainsKey(projectPath))
            return;
        var directory = Path.GetDirectoryName(projectPath)!;
        var projectReferences = XDocument.Load(projectPath).Descendants("ProjectReference")
            .Select(reference => Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value)))
            .ToArray();
        descriptions[projectPath] = _references! with
        {
            ProjectPath = projectPath,
            AssemblyName = Path.GetFileNameWithoutExtension(projectPath),
            SourceFiles = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                               !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray(),
            ProjectReferences = projectReferences,
        };
        foreach (var reference in projectReferences)
            Describe(reference, descriptions);
    }
}
