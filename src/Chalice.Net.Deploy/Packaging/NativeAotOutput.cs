using Chalice.Project;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// Checks that a Native AOT publish produced what <c>provided.al2023</c> starts: the app compiled to native code for
/// the function's architecture, with no managed assembly or .NET runtime file beside it (the OS-only runtime has no
/// .NET). A build that was not compiled ahead of time publishes, under the same name, a small apphost that needs the
/// app's .dll files and a runtime beside it; deployed, it could not start, so it is refused here, never zipped.
/// </summary>
internal static class NativeAotOutput
{
    // The section the Native AOT compiler puts managed code in on Linux (dotnet/runtime, ILCompiler's
    // MethodCodeNode.UnixContentSection). An apphost or a single-file bundle has none.
    private const string ManagedCodeSection = "__managedcode";

    // Files that exist only for a managed (JIT) app.
    private static readonly string[] s_managedFileSuffixes = [".dll", ".deps.json", ".runtimeconfig.json"];

    /// <summary>Checks the published files (relative name → path) of <paramref name="projectName"/>.</summary>
    /// <exception cref="DotNetCommandException">The publish is not a native executable; the message says what it found.</exception>
    public static void Verify(IReadOnlyDictionary<string, string> files, string projectName, string executableName, LambdaArchitecture architecture)
    {
        if (!files.TryGetValue(executableName, out var executable))
        {
            throw new DotNetCommandException(
                $"The Native AOT build of {projectName} produced no '{executableName}' executable (it produced {Describe(files.Keys)}).");
        }
        var image = ElfImage.Read(executable);
        var expectedMachine = architecture == LambdaArchitecture.Arm64 ? ElfImage.Aarch64 : ElfImage.X86_64;
        if (image is not null && image.Machine != expectedMachine)
        {
            throw new DotNetCommandException(
                $"The Native AOT build of {projectName} is for ELF machine {image.Machine}, not {ArchitectureName(architecture)} (machine {expectedMachine}).");
        }

        var managedFiles = files.Keys.Where(IsManagedFile).Order(StringComparer.Ordinal).ToArray();
        var isNative = image is not null && image.SectionNames.Contains(ManagedCodeSection);
        if (isNative && managedFiles.Length == 0)
            return;

        var what = image is null
            ? $"'{executableName}' is not a Linux executable"
            : isNative
                ? $"'{executableName}' is native"
                : $"'{executableName}' is a {new FileInfo(executable).Length / 1024} KB .NET apphost, not the app compiled to native code";
        var beside = managedFiles.Length == 0 ? "" : $", beside {managedFiles.Length} managed file(s) ({Describe(managedFiles)})";
        throw new DotNetCommandException(
            $"The Native AOT build of {projectName} is not a native bootstrap: {what}{beside}. The SDK publishes this when the " +
            "app is not compiled ahead of time: check that neither the project nor a Directory.Build.* file sets PublishAot, " +
            "SelfContained or UseAppHost, or deploy to the managed runtime (\"lambda_runtime\": \"dotnet10\").");
    }

    private static bool IsManagedFile(string name) =>
        s_managedFileSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    private static string Describe(IEnumerable<string> names)
    {
        var all = names.Order(StringComparer.Ordinal).ToArray();
        return all.Length == 0 ? "nothing" : string.Join(", ", all.Take(3)) + (all.Length > 3 ? $" and {all.Length - 3} more" : "");
    }

    private static string ArchitectureName(LambdaArchitecture architecture) =>
        architecture == LambdaArchitecture.Arm64 ? "arm64" : "x86_64";
}
