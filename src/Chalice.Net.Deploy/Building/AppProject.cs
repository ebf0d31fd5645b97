namespace Chalice.Deploy.Building;

/// <summary>A Chalice.Net app's folder: its project file and its <c>.chalice/</c> settings.</summary>
public sealed record AppProject(string Directory, string ProjectFile)
{
    /// <summary>The project's name (the file name without <c>.csproj</c>), which is also its assembly name by default.</summary>
    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>Finds the project in <paramref name="directory"/>: its only <c>.csproj</c>.</summary>
    /// <exception cref="AppProjectException">The folder is missing or holds no project, or several.</exception>
    public static AppProject Find(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new AppProjectException($"The project directory '{directory}' does not exist.");
        var projects = System.IO.Directory.GetFiles(full, "*.csproj");
        return projects.Length switch
        {
            1 => new AppProject(full, projects[0]),
            0 => throw new AppProjectException($"No .csproj in '{full}'. Run this in the app's folder or pass --project-dir."),
            _ => throw new AppProjectException($"More than one .csproj in '{full}' ({string.Join(", ", projects.Select(Path.GetFileName))}); keep one app per folder."),
        };
    }
}

/// <summary>The app folder is not usable; the message says why.</summary>
public sealed class AppProjectException(string message) : Exception(message);
