using Chalice.Configuration;

namespace Chalice.Project;

/// <summary>
/// A Chalice.Net app's folder and project file. This type is the one place that turns what a user names (a folder, a
/// <c>.csproj</c>, or nothing) into the app: every command, the emulator and the policy analyzer find the app here,
/// with the same rules and the same messages.
/// </summary>
/// <param name="Directory">The app's folder: its project file's folder, which holds <c>.chalice/</c>.</param>
/// <param name="ProjectFile">The full path of the app's <c>.csproj</c>.</param>
public sealed record AppProject(string Directory, string ProjectFile)
{
    private const string HowToName = "pass the app's folder or its .csproj with --project-dir";

    /// <summary>The project's name (the file name without <c>.csproj</c>), which is also its assembly name by default.</summary>
    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>The app at <paramref name="projectOrDirectory"/>: a <c>.csproj</c> file, or a folder holding exactly one.</summary>
    /// <exception cref="AppProjectException">The path is missing, is some other file, or the folder holds no project or several.</exception>
    public static AppProject Find(string projectOrDirectory)
    {
        var full = Path.GetFullPath(projectOrDirectory);
        if (File.Exists(full))
        {
            return IsProjectFile(full)
                ? new AppProject(Path.GetDirectoryName(full)!, full)
                : throw new AppProjectException($"'{projectOrDirectory}' is not a .csproj file; {HowToName}.");
        }
        if (!System.IO.Directory.Exists(full))
            throw Missing(projectOrDirectory);
        var projects = System.IO.Directory.GetFiles(full, "*.csproj");
        return projects.Length switch
        {
            1 => new AppProject(full, projects[0]),
            0 => throw new AppProjectException($"No .csproj in '{full}'; run this in the app's folder, or {HowToName}."),
            _ => throw new AppProjectException(
                $"More than one .csproj in '{full}' ({string.Join(", ", projects.Select(Path.GetFileName).Order(StringComparer.Ordinal))}); " +
                "pass the app's .csproj with --project-dir."),
        };
    }

    /// <summary>
    /// The app's folder named by <paramref name="projectOrDirectory"/> (a folder, or a project file's folder), for the
    /// commands that read only <c>.chalice/</c> and so need no project file.
    /// </summary>
    /// <exception cref="AppProjectException">The path does not exist.</exception>
    public static string FindDirectory(string projectOrDirectory)
    {
        var full = Path.GetFullPath(projectOrDirectory);
        if (File.Exists(full))
            return Path.GetDirectoryName(full)!;
        return System.IO.Directory.Exists(full) ? full : throw Missing(projectOrDirectory);
    }

    /// <summary>
    /// The folder of the app a process is serving (<c>dotnet run</c>): the folder or project named by
    /// <paramref name="projectOrDirectory"/> if given; else the current folder when it holds <c>.chalice/config.json</c>
    /// (Chalice's rule); else the nearest folder above <paramref name="assemblyDirectory"/> that holds <c>.chalice/config.json</c>
    /// (<c>dotnet run --project app</c> from elsewhere); else the current folder.
    /// </summary>
    /// <param name="projectOrDirectory">The explicit <c>--project-dir</c>, or null.</param>
    /// <param name="currentDirectory">The process's current folder.</param>
    /// <param name="assemblyDirectory">Where the running app's assembly is (<see cref="AppContext.BaseDirectory"/>).</param>
    /// <exception cref="AppProjectException">The explicit path does not exist.</exception>
    public static string FindServedDirectory(string? projectOrDirectory, string currentDirectory, string assemblyDirectory)
    {
        if (projectOrDirectory is not null)
            return FindDirectory(projectOrDirectory);
        if (File.Exists(Path.Combine(currentDirectory, ChaliceConfig.RelativePath)))
            return currentDirectory;
        for (var directory = new DirectoryInfo(assemblyDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ChaliceConfig.RelativePath)))
                return directory.FullName;
        }
        return currentDirectory;
    }

    /// <summary>
    /// Checks that the project is a Chalice.Net app (an executable that references Chalice.Net, not a test project)
    /// before anything builds it, so that pointing a command at the wrong project is one clear line rather than a
    /// page of compiler errors.
    /// </summary>
    /// <exception cref="AppProjectException">It is not an app; the message says why and how to name the app.</exception>
    public async Task EnsureIsAppAsync(CancellationToken cancellationToken = default)
    {
        var facts = await ProjectFacts.ReadAsync(ProjectFile, cancellationToken);
        if (facts.NotAnAppBecause() is not { } reason)
            return;
        var apps = new List<string>();
        foreach (var reference in facts.ProjectReferences.Where(File.Exists))
        {
            if (ProjectFacts.FromProjectFile(reference).NotAnAppBecause() is null)
                apps.Add(Path.GetRelativePath(Environment.CurrentDirectory, reference));
        }
        throw new AppProjectException(apps.Count == 1
            ? $"{Path.GetFileName(ProjectFile)} is not a Chalice.Net app ({reason}); it references the app {apps[0]}, so pass --project-dir {apps[0]}."
            : $"{Path.GetFileName(ProjectFile)} is not a Chalice.Net app ({reason}); {HowToName}.");
    }

    private static bool IsProjectFile(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    private static AppProjectException Missing(string path) => new($"'{path}' does not exist; {HowToName}.");
}

/// <summary>The app could not be found or is not an app; the message says why and what to pass instead.</summary>
public sealed class AppProjectException(string message) : Exception(message);
