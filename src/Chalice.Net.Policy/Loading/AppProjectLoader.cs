using Chalice.Project;

namespace Chalice.Policy.Loading;

/// <summary>Loads an app's compilation from its project, with the sources and references of its real build.</summary>
public static class AppProjectLoader
{
    /// <summary>
    /// Restores the project, asks MSBuild for its sources and resolved references (and those of every project it
    /// references, recursively) and compiles them in memory. Nothing needs to have been built before.
    /// </summary>
    /// <param name="projectOrDirectory">A <c>.csproj</c> file, or a folder holding exactly one.</param>
    /// <param name="cancellationToken">Cancels the MSBuild run.</param>
    /// <exception cref="AppProjectException">There is no such project.</exception>
    /// <exception cref="ProjectLoadException">The project does not restore or does not evaluate.</exception>
    public static async Task<AppCompilation> LoadAsync(string projectOrDirectory, CancellationToken cancellationToken = default)
    {
        var projectPath = AppProject.Find(projectOrDirectory).ProjectFile;
        var projects = await MSBuildProjectReader.ReadAsync(projectPath, cancellationToken);
        return CompilationFactory.Create(projectPath, projects);
    }
}
