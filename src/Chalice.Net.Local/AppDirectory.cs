using Chalice.Configuration;

namespace Chalice.Local;

/// <summary>Finds the app folder (the one holding <c>.chalice/config.json</c>).</summary>
internal static class AppDirectory
{
    /// <summary>
    /// The explicit folder if given; else the current directory when it holds <c>.chalice/</c> (Chalice's rule); else
    /// the nearest folder above the running assembly that does (<c>dotnet run --project app</c> from elsewhere);
    /// else the current directory.
    /// </summary>
    public static string Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            return Directory.Exists(explicitDirectory)
                ? Path.GetFullPath(explicitDirectory)
                : throw new IOException($"The project directory '{explicitDirectory}' does not exist.");
        }
        var current = Directory.GetCurrentDirectory();
        if (HasConfig(current))
            return current;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (HasConfig(dir.FullName))
                return dir.FullName;
        }
        return current;
    }

    private static bool HasConfig(string directory) => File.Exists(Path.Combine(directory, ChaliceConfig.RelativePath));
}
