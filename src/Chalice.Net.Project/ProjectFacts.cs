using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Chalice.Project;

/// <summary>
/// What makes a project a Chalice.Net app: it is an executable, it is not a test project, and it references Chalice.Net
/// itself (a test project that references the app references Chalice.Net only through it). Read from the project file
/// alone when that settles it (no process, the common case: the app's own <c>.csproj</c> says all three), else from an
/// MSBuild evaluation, which sees what imported files set (<c>Directory.Build.props</c>, test SDKs) without building.
/// </summary>
internal sealed record ProjectFacts(
    string OutputType, bool IsTestProject, bool ReferencesChaliceNet, IReadOnlyList<string> ProjectReferences)
{
    private const string ChaliceNet = "Chalice.Net";

    /// <summary>Why the project is not an app, or null when it is one.</summary>
    public string? NotAnAppBecause() =>
        IsTestProject ? "it is a test project"
        : !ReferencesChaliceNet ? "it does not reference Chalice.Net"
        : !OutputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) ? "it is not an executable (OutputType Exe)"
        : null;

    /// <summary>The facts of a project, from its file when that proves it is an app, else from MSBuild.</summary>
    /// <exception cref="DotNetCommandException">MSBuild could not evaluate the project.</exception>
    public static async Task<ProjectFacts> ReadAsync(string projectFile, CancellationToken cancellationToken)
    {
        var written = FromProjectFile(projectFile);
        return written.NotAnAppBecause() is null ? written : await EvaluateAsync(projectFile, cancellationToken);
    }

    /// <summary>
    /// What the project file itself states without a condition. Imports can add to it (an <c>OutputType</c> from a
    /// <c>Directory.Build.props</c>), so only a positive answer is conclusive.
    /// </summary>
    public static ProjectFacts FromProjectFile(string projectFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile);
        }
        catch (Exception e) when (e is XmlException or IOException)
        {
            return new ProjectFacts("", false, false, []); // MSBuild will say what is wrong with it
        }
        var directory = Path.GetDirectoryName(projectFile)!;
        var unconditional = document.Descendants()
            .Where(e => e.AncestorsAndSelf().All(a => a.Attribute("Condition") is null))
            .ToArray();
        string? Property(string name) => unconditional.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var packages = unconditional.Where(e => e.Name.LocalName == "PackageReference").Select(e => (string?)e.Attribute("Include"));
        var projects = document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference" && e.Attribute("Include") is not null)
            .Select(e => Path.GetFullPath(Path.Combine(directory, e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))))
            .ToArray();
        var unconditionalProjects = unconditional.Where(e => e.Name.LocalName == "ProjectReference").Select(e => (string?)e.Attribute("Include"));
        return new ProjectFacts(
            Property("OutputType") ?? "",
            string.Equals(Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase),
            packages.Any(IsChaliceNetPackage) || unconditionalProjects.Any(IsChaliceNetProject),
            projects);
    }

    private static async Task<ProjectFacts> EvaluateAsync(string projectFile, CancellationToken cancellationToken)
    {
        var output = await DotNetCli.RunAsync(
            ["msbuild", projectFile, "-nologo", "-getProperty:OutputType", "-getProperty:IsTestProject",
             "-getItem:PackageReference", "-getItem:ProjectReference"],
            Path.GetDirectoryName(projectFile)!, cancellationToken);
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties");
        var items = json.RootElement.GetProperty("Items");
        IEnumerable<JsonElement> Items(string name) =>
            items.TryGetProperty(name, out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>();
        var projects = Items("ProjectReference").Select(i => i.GetProperty("FullPath").GetString()!).ToArray();
        return new ProjectFacts(
            properties.GetProperty("OutputType").GetString() ?? "",
            string.Equals(properties.GetProperty("IsTestProject").GetString(), "true", StringComparison.OrdinalIgnoreCase),
            Items("PackageReference").Any(i => IsChaliceNetPackage(i.GetProperty("Identity").GetString()))
                || projects.Any(IsChaliceNetProject),
            projects);
    }

    private static bool IsChaliceNetPackage(string? include) => string.Equals(include?.Trim(), ChaliceNet, StringComparison.OrdinalIgnoreCase);

    private static bool IsChaliceNetProject(string? include) =>
        include is not null && string.Equals(Path.GetFileName(include.Replace('\\', '/')), ChaliceNet + ".csproj", StringComparison.OrdinalIgnoreCase);
}
