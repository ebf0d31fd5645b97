namespace Chalice.Deploy.Building;

/// <summary>A Chalice.Net app's folder: its project file and its <c>.chalice/</c> settings.</summary>
public sealed record AppProject(string Directory, string ProjectFile)
{
    /// <summary>The project's name (the file name without <c>.csproj</c>), which is also its assembly name by default.</summary>
    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>
    /// The app at <paramref name="projectOrDirectory"/>: a <c>.csproj</c> file, or a folder holding exactly one.
    /// </summary>
    /// <exception cref="AppProjectException">The path is missing, is some other file, or the folder holds no project or several.</exception>
    public static AppProject Find(string projectOrDirectory)
    {
        var full = Path.GetFullPath(projectOrDirectory);
        if (File.Exists(full))
        {
            return full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? new AppProject(Path.GetDirectoryName(full)!, full)
                : throw new AppProjectException($"'{projectOrDirectory}' is not a .csproj file; pass the app's project or its folder.");
        }
        if (!System.IO.Directory.Exists(full))
            throw new AppProjectException($"The project directory '{projectOrDirectory}' does not exist.");
        var projects = System.IO.Directory.GetFiles(full, "*.csproj");
        return projects.Length switch
        {
            1 => new AppProject(full, projects[0]),
            0 => throw new AppProjectException($"No .csproj in '{full}'. Run this in the app's folder or pass --project-dir."),
            _ => throw new AppProjectException($"More than one .csproj in '{full}' ({string.Join(", ", projects.Select(Path.GetFileName).Order())}); keep one app per folder."),
        };
    }
}

/// <summary>The app folder is not usable; the message says why.</summary>
public sealed class AppProjectException(string message) : Exception(message);
