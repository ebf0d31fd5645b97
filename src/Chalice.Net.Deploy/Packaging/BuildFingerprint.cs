using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// Content hashes of everything a Lambda build (and the policy analysis) of an app reads. <see cref="Sources"/>: the
/// app's files and those of every project it references (its <c>ProjectReference</c>s, transitively), the MSBuild and
/// NuGet files above them (<c>Directory.Build.*</c>, <c>Directory.Packages.props</c>, <c>global.json</c>,
/// <c>nuget.config</c>), the installed .NET SDKs, the tool's own version and build targets, and the build's flavor.
/// <see cref="Restore"/>: the restored package versions (every <c>project.assets.json</c> under the app's <c>obj/</c>).
/// Equal fingerprints mean an equal build, so a deploy can reuse the last one; anything that could change the build
/// changes one of them (correct first, fast second: a file the build would ignore still counts). A build records the
/// sources as they were when it started and the restore as it left it, so a file saved during a build is rebuilt.
/// </summary>
/// <param name="Sources">Hex SHA-256 of the inputs.</param>
/// <param name="Restore">Hex SHA-256 of the restore results.</param>
internal sealed partial record BuildFingerprint(string Sources, string Restore)
{
    // Build output and run state, never build input. A folder named like these anywhere under a project is skipped.
    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".idea", "node_modules", "TestResults",
    };

    // Under an app's .chalice/ only its settings and policy files are inputs; deployed/, deployments/, local/ and
    // packages/ are what the tool writes or copies.
    private static readonly HashSet<string> s_chaliceStateFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "deployed", "deployments", "local", "packages",
    };

    private static readonly string[] s_ancestorFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config",
    ];

    /// <summary>The fingerprint of the app whose project file is <paramref name="projectFile"/>, with <paramref name="extra"/> (e.g. the build flavor) mixed in.</summary>
    public static BuildFingerprint Compute(string projectFile, params string[] extra)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var projectDirectories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in ReferencedProjects(Path.GetFullPath(projectFile)))
            projectDirectories.Add(Path.GetDirectoryName(project)!);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var directory in projectDirectories)
        {
            foreach (var file in ProjectFiles(directory))
                files.Add(file);
            for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                foreach (var name in s_ancestorFiles)
                {
                    var candidate = Path.Combine(parent, name);
                    if (File.Exists(candidate))
                        files.Add(candidate);
                }
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(ToolVersion);
        foreach (var sdk in InstalledSdks())
            Add("sdk " + sdk);
        foreach (var value in extra)
            Add("extra " + value);
        foreach (var file in files)
        {
            Add("file " + file);
            hash.AppendData(File.ReadAllBytes(file));
        }
        var sources = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        foreach (var assets in AssetsFiles(root).Order(StringComparer.Ordinal))
        {
            Add("assets " + assets);
            hash.AppendData(File.ReadAllBytes(assets));
        }
        return new BuildFingerprint(sources, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    /// <summary>The project and every project it references, transitively, by full path.</summary>
    private static IEnumerable<string> ReferencedProjects(string projectFile)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([projectFile]);
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(project) || !File.Exists(project))
                continue;
            var directory = Path.GetDirectoryName(project)!;
            foreach (Match reference in ProjectReference().Matches(File.ReadAllText(project)))
                pending.Push(Path.GetFullPath(Path.Combine(directory, reference.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
        }
        return seen;
    }

    [GeneratedRegex(@"<ProjectReference\s+Include\s*=\s*""([^""]+)""")]
    private static partial Regex ProjectReference();

    /// <summary>The version of the tool doing the build, with a hash of the build targets it imports.</summary>
    private static string ToolVersion
    {
        get
        {
            var assembly = typeof(BuildFingerprint).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            // A tool built from a working tree keeps its version across changes: its own assembly's identity says more.
            var moduleId = assembly.ManifestModule.ModuleVersionId;
            var targets = Path.Combine(AppContext.BaseDirectory, "Packaging", "ChaliceNet.LambdaBuild.targets");
            var targetsHash = File.Exists(targets) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(targets))) : "none";
            return $"tool {version} {moduleId} {targetsHash}";
        }
    }

    /// <summary>The .NET SDKs installed beside the <c>dotnet</c> on the PATH (global.json, hashed too, picks among them).</summary>
    private static IEnumerable<string> InstalledSdks()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot ? dotnetRoot : DotNetOnPath();
        var sdks = root is null ? null : Path.Combine(root, "sdk");
        return sdks is not null && Directory.Exists(sdks)
            ? Directory.EnumerateDirectories(sdks).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : ["unknown"];
    }

    private static string? DotNetOnPath()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(directory, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (candidate.Exists)
                return Path.GetDirectoryName(candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName);
        }
        return null;
    }

    /// <summary>The restore results of the app: its own and the Lambda build's (under obj/chalice).</summary>
    private static IEnumerable<string> AssetsFiles(string root)
    {
        var obj = Path.Combine(root, "obj");
        return Directory.Exists(obj)
            ? Directory.EnumerateFiles(obj, "project.assets.json", SearchOption.AllDirectories)
            : [];
    }

    private static IEnumerable<string> ProjectFiles(string directory)
    {
        if (!Directory.Exists(directory))
            yield break;
        foreach (var file in Directory.EnumerateFiles(directory))
            yield return file;
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (s_skippedFolders.Contains(name))
                continue;
            if (name == ".chalice")
            {
                foreach (var file in Directory.EnumerateFiles(child))
                    yield return file;
                foreach (var nested in Directory.EnumerateDirectories(child).Where(d => !s_chaliceStateFolders.Contains(Path.GetFileName(d))))
                {
                    foreach (var file in ProjectFiles(nested))
                        yield return file;
                }
                continue;
            }
            foreach (var file in ProjectFiles(child))
                yield return file;
        }
    }
}
