using Microsoft.CodeAnalysis;

namespace Chalice.Policy.Loading;

/// <summary>
/// An app compiled in memory: one compilation per project, the app's own and those of every project it references,
/// each seeing the others as compilation references. Nothing is emitted.
/// </summary>
public sealed class AppCompilation
{
    internal AppCompilation(string projectPath, IReadOnlyList<Compilation> projects)
    {
        ProjectPath = projectPath;
        Projects = projects;
    }

    /// <summary>Full path of the app's project file.</summary>
    public string ProjectPath { get; }

    /// <summary>The compilations of all projects, referenced projects before the projects that reference them.</summary>
    public IReadOnlyList<Compilation> Projects { get; }

    /// <summary>The compilation of the app's own project.</summary>
    public Compilation Root => Projects[^1];
}
