using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Chalice.Policy.Loading;

/// <summary>Builds the in-memory compilations of an app from project descriptions, referenced projects first.</summary>
internal static class CompilationFactory
{
    public static AppCompilation Create(string rootProjectPath, IReadOnlyCollection<ProjectDescription> projects)
    {
        var byPath = projects.ToDictionary(p => p.ProjectPath, StringComparer.Ordinal);
        var built = new Dictionary<string, Compilation>(StringComparer.Ordinal);
        var order = new List<Compilation>();
        Build(rootProjectPath, []);
        return new AppCompilation(rootProjectPath, order);

        Compilation Build(string path, HashSet<string> inProgress)
        {
            if (built.TryGetValue(path, out var done))
                return done;
            if (!byPath.TryGetValue(path, out var project))
                throw new ProjectLoadException($"MSBuild reported no information for referenced project {path}.");
            if (!inProgress.Add(path))
                throw new ProjectLoadException($"Project references form a cycle through {path}.");

            var references = project.ProjectReferences
                .Select(reference => Build(reference, inProgress).ToMetadataReference())
                .Concat(project.MetadataReferences.Where(File.Exists).Select(MetadataReferenceCache.Get));
            var compilation = CSharpCompilation.Create(
                project.AssemblyName,
                ParseSources(project),
                references,
                new CSharpCompilationOptions(
                    project.OutputKind,
                    nullableContextOptions: project.Nullable,
                    allowUnsafe: project.AllowUnsafe,
                    concurrentBuild: false));

            inProgress.Remove(path);
            built[path] = compilation;
            order.Add(compilation);
            return compilation;
        }
    }

    private static IEnumerable<SyntaxTree> ParseSources(ProjectDescription project)
    {
        var options = new CSharpParseOptions(project.LanguageVersion, preprocessorSymbols: project.PreprocessorSymbols);
        foreach (var file in project.SourceFiles)
        {
            using var stream = File.OpenRead(file);
            yield return CSharpSyntaxTree.ParseText(SourceText.From(stream), options, file);
        }
        if (project.GlobalUsings.Count > 0)
        {
            var text = string.Join('\n', project.GlobalUsings.Select(u => u.ToDirective()));
            var generatedPath = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "obj", "GlobalUsings.g.cs");
            yield return CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), options, generatedPath);
        }
    }
}
