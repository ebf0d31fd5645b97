using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Chalice.Project;

namespace Chalice.Policy.Loading;

/// <summary>
/// Asks MSBuild what a project and the projects it references compile: one <c>dotnet msbuild -restore</c> that runs
/// <c>ChaliceNetCollectProject</c> (imported from <c>ChaliceNet.CollectProject.targets</c>) and prints its items as
/// JSON. Reference resolution runs exactly as in a build, but nothing is compiled, so referenced projects need not
/// have been built.
/// </summary>
internal static partial class MSBuildProjectReader
{
    private const string TargetsFileName = "ChaliceNet.CollectProject.targets";
    private const string CrossTargetingTargetsFileName = "ChaliceNet.CollectProject.CrossTargeting.targets";
    private const string ItemName = "ChaliceNetProjectItem";

    public static async Task<IReadOnlyList<ProjectDescription>> ReadAsync(string projectPath, CancellationToken cancellationToken)
    {
        var targets = InstalledFile(TargetsFileName);
        var crossTargetingTargets = InstalledFile(CrossTargetingTargetsFileName);
        string output;
        try
        {
            output = await DotNetCli.RunAsync(
                [
                    "msbuild", projectPath, "-restore", "-nologo", "-m:1", "-nodeReuse:false",
                    "-t:ChaliceNetCollectProject",
                    $"-p:CustomAfterMicrosoftCommonTargets={targets}",
                    $"-p:CustomAfterMicrosoftCommonCrossTargetingTargets={crossTargetingTargets}",
                    "-p:BuildProjectReferences=false",
                    $"-getItem:{ItemName}",
                ],
                Path.GetDirectoryName(projectPath)!, cancellationToken);
        }
        catch (DotNetCommandException e)
        {
            throw new ProjectLoadException($"Could not load {projectPath}: {FirstError(e)}");
        }
        return Parse(output, projectPath);
    }

    /// <summary>Turns MSBuild's <c>-getItem</c> JSON into one description per project.</summary>
    internal static IReadOnlyList<ProjectDescription> Parse(string json, string projectPath)
    {
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("Items").GetProperty(ItemName);
        var projects = new Dictionary<string, ProjectBuilder>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            var project = Metadata(item, "Project");
            if (!projects.TryGetValue(project, out var builder))
                projects[project] = builder = new ProjectBuilder(project);
            builder.Add(Metadata(item, "Kind"), item);
        }
        if (!projects.ContainsKey(projectPath))
            throw new ProjectLoadException($"MSBuild reported nothing for {projectPath}; is it a C# project?");
        return projects.Values.Select(p => p.Build()).ToArray();
    }

    private static string InstalledFile(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Loading", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing from the Chalice.Net installation.");
    }

    private static string Metadata(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static string FirstError(DotNetCommandException e)
    {
        var match = e.Errors.Select(line => ErrorLine().Match(line)).FirstOrDefault(m => m.Success);
        return match is not null ? match.Value.Trim() : e.Message.Split('\n')[0];
    }

    [GeneratedRegex(@"error [A-Z]+\d+:.*")]
    private static partial Regex ErrorLine();

    private sealed class ProjectBuilder(string projectPath)
    {
        private readonly List<string> _sources = [];
        private readonly SortedSet<string> _references = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _projectReferences = new(StringComparer.Ordinal);
        private readonly List<GlobalUsing> _usings = [];
        private JsonElement? _properties;

        public void Add(string kind, JsonElement item)
        {
            var identity = Metadata(item, "Identity");
            switch (kind)
            {
                case "Project":
                    _properties = item;
                    break;
                case "Compile" when !_sources.Contains(identity):
                    _sources.Add(identity);
                    break;
                case "Reference":
                    _references.Add(identity);
                    break;
                case "ProjectReference":
                    _projectReferences.Add(identity);
                    break;
                case "Using":
                    _usings.Add(new GlobalUsing(identity, Metadata(item, "Alias") is { Length: > 0 } alias ? alias : null,
                        string.Equals(Metadata(item, "Static"), "true", StringComparison.OrdinalIgnoreCase)));
                    break;
            }
        }

        public ProjectDescription Build()
        {
            var properties = _properties ?? throw new ProjectLoadException($"MSBuild reported no properties for {projectPath}.");
            var intermediate = Metadata(properties, "IntermediateOutputPath");
            return new ProjectDescription
            {
                ProjectPath = projectPath,
                AssemblyName = Metadata(properties, "AssemblyName"),
                OutputKind = Metadata(properties, "OutputType").ToLowerInvariant() switch
                {
                    "exe" => OutputKind.ConsoleApplication,
                    "winexe" => OutputKind.WindowsApplication,
                    _ => OutputKind.DynamicallyLinkedLibrary,
                },
                LanguageVersion = LanguageVersionFacts.TryParse(Metadata(properties, "LangVersion"), out var version)
                    ? version
                    : LanguageVersion.Latest,
                PreprocessorSymbols = Metadata(properties, "DefineConstants")
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Nullable = Enum.TryParse<NullableContextOptions>(Metadata(properties, "Nullable"), ignoreCase: true, out var nullable)
                    ? nullable
                    : NullableContextOptions.Disable,
                AllowUnsafe = string.Equals(Metadata(properties, "AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase),
                // Files under obj/ are the SDK's generated ones (global usings, assembly attributes): they exist only
                // after a build and are not needed; global usings are rebuilt from the Using items instead.
                SourceFiles = _sources
                    .Where(f => intermediate.Length == 0 || !f.StartsWith(intermediate, StringComparison.Ordinal))
                    .Where(File.Exists)
                    .ToArray(),
                MetadataReferences = _references.ToArray(),
                ProjectReferences = _projectReferences.ToArray(),
                GlobalUsings = _usings.Distinct().ToArray(),
            };
        }
    }
}
