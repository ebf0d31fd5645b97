namespace Chalice.Tests;

/// <summary>Locates the repository and the read-only <c>shared/</c> folder next to it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds <c>Chalice.Net.sln</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>
    /// The shared docs and fixtures: <c>CHALICE_SHARED_DIR</c> when set, else <c>../shared</c> beside the repository.
    /// </summary>
    public static string SharedDir =>
        Environment.GetEnvironmentVariable("CHALICE_SHARED_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chalice.Net.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Chalice.Net.sln not found above {AppContext.BaseDirectory}.");
    }
}
