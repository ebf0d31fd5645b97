namespace Chalice.Cli.Scaffolding;

/// <summary>
/// The Chalice.Net packages a new app restores from. nuget.org does not have them, so the tool carries the ones it was
/// packed with (under <c>packages/</c> beside it, see Chalice.Net.Cli.csproj) and <c>new</c> copies them into the app,
/// which then restores on any machine it is cloned to, offline too, and after <c>dotnet tool update</c> has removed
/// this tool's folder.
/// </summary>
/// <param name="Version">The version of the packages, the tool's own.</param>
/// <param name="Files">The <c>.nupkg</c> files.</param>
internal sealed record BundledPackages(string Version, IReadOnlyList<string> Files)
{
    /// <summary>The packages an app restores from them: the two it references, and Chalice.Net.Project, which
    /// Chalice.Net.Local depends on.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["Chalice.Net", "Chalice.Net.Local", "Chalice.Net.Project"];

    /// <summary>Where an installed tool keeps them.</summary>
    public static string InstalledDirectory => Path.Combine(AppContext.BaseDirectory, "packages");

    /// <summary>The packages of <paramref name="version"/> in <paramref name="directory"/>, or null when one is missing.</summary>
    public static BundledPackages? Find(string directory, string version)
    {
        // dotnet pack names a package {id}.{normalized version}.nupkg; the tool's version is already normalized.
        var files = Ids.Select(id => Path.Combine(directory, $"{id}.{version}.nupkg")).ToArray();
        return files.All(File.Exists) ? new BundledPackages(version, files) : null;
    }

    /// <summary>Copies the packages into <paramref name="feedDirectory"/>, a local NuGet feed.</summary>
    public void CopyTo(string feedDirectory)
    {
        Directory.CreateDirectory(feedDirectory);
        foreach (var file in Files)
        {
            var copy = Path.Combine(feedDirectory, Path.GetFileName(file));
            File.Copy(file, copy, overwrite: true);
            // dotnet tool install extracts the tool's files executable; in the app (and its git history) a package is data.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
