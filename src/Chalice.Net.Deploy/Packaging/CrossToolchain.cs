using System.Runtime.InteropServices;
using Chalice.Project;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// Native AOT links with the platform's C toolchain; building an arm64 <c>bootstrap</c> on an x86_64 machine needs a
/// cross-linking one: clang with lld, and the aarch64 C libraries (on Debian and Ubuntu, the <c>*-arm64-cross</c>
/// packages, which clang finds by itself).
/// </summary>
internal static class CrossToolchain
{
    public const string InstallHint =
        "apt-get install clang lld libc6-dev-arm64-cross libgcc-12-dev-arm64-cross";

    private const string CrossLibraries = "/usr/aarch64-linux-gnu/lib";
    private const string CrossGcc = "/usr/lib/gcc-cross/aarch64-linux-gnu";

    /// <summary>Whether arm64 can be linked here without extra arguments (we are on arm64).</summary>
    public static bool IsNative => RuntimeInformation.OSArchitecture == Architecture.Arm64;

    /// <summary>The MSBuild arguments that make Native AOT link for arm64 with the cross toolchain.</summary>
    /// <exception cref="DotNetCommandException">The toolchain is not installed; the message says how to install it.</exception>
    public static IReadOnlyList<string> Arm64Arguments()
    {
        var clang = FindClang();
        var missing = new List<string>();
        if (clang is null)
            missing.Add("clang");
        else if (!File.Exists(Path.Combine(Path.GetDirectoryName(ResolveLinks(clang))!, "ld.lld")) && FindOnPath("ld.lld") is null)
            missing.Add("lld");
        if (!Directory.Exists(CrossLibraries) || !Directory.Exists(CrossGcc))
            missing.Add("the aarch64 C libraries");
        if (missing.Count > 0)
        {
            throw new DotNetCommandException(
                $"Native AOT for arm64 on this {RuntimeInformation.OSArchitecture} machine needs a cross-linking toolchain; " +
                $"missing: {string.Join(", ", missing)}. Install it with: {InstallHint}. " +
                "Or package for x86_64, or use the managed dotnet10 runtime (lambda_runtime), which runs on arm64 as it is.");
        }
        return [$"-p:CppCompilerAndLinker={clang}", "-p:LinkerFlavor=lld"];
    }

    /// <summary><c>clang</c>, or the newest versioned <c>clang-N</c> when only those are installed.</summary>
    private static string? FindClang() =>
        FindOnPath("clang")
        ?? PathDirectories()
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "clang-*"))
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name!["clang-".Length..], out _))
            .OrderByDescending(name => int.Parse(name!["clang-".Length..]))
            .FirstOrDefault();

    private static string? FindOnPath(string name) =>
        PathDirectories().Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string ResolveLinks(string command)
    {
        var path = Path.IsPathRooted(command) ? command : FindOnPath(command) ?? command;
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }
}
