using System.Security.Cryptography;
using Chalice.Project;

namespace Chalice.Deploy.Packaging;

/// <summary>What to package.</summary>
/// <param name="Project">The app.</param>
/// <param name="Runtime">Native AOT on <c>provided.al2023</c>, or managed <c>dotnet10</c>.</param>
/// <param name="Architecture">The function's architecture.</param>
/// <param name="OutputDirectory">Where the zip goes; the app's <c>.chalice/deployments</c> by default.</param>
internal sealed record PackageRequest(
    AppProject Project,
    LambdaRuntimeKind Runtime = LambdaRuntimeKind.NativeAot,
    LambdaArchitecture Architecture = LambdaArchitecture.X86_64,
    string? OutputDirectory = null);

/// <summary>
/// Builds an app for Lambda and zips it deterministically. The build leaves out the local emulator
/// (<c>-p:ChaliceLambda=true</c>), so the package carries no Kestrel; it uses its own artifacts folder, so it never
/// disturbs the app's normal build. How the app is built (Native AOT, or framework-dependent without an apphost) comes
/// from <c>ChaliceNet.LambdaBuild.targets</c>, which the build imports: the same for an app that references the
/// Chalice.Net packages and for one in this repository that references its projects.
/// </summary>
internal sealed class LambdaPackager(IProgress<string>? progress = null)
{
    // Files a Lambda package does not need: symbols, docs, and the app's local-only folders.
    private static readonly string[] s_excludedExtensions = [".pdb", ".dbg", ".xml"];

    private static readonly Lazy<string> s_lambdaBuildTargets = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Packaging", "ChaliceNet.LambdaBuild.targets");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing from the Chalice.Net installation.");
    });

    /// <summary>Publishes and zips the app.</summary>
    /// <exception cref="DotNetCommandException">The build failed; the message has the compiler's errors.</exception>
    public async Task<LambdaPackage> PackageAsync(PackageRequest request, CancellationToken cancellationToken = default)
    {
        var project = request.Project;
        var rid = request.Architecture == LambdaArchitecture.Arm64 ? "linux-arm64" : "linux-x64";
        var flavor = $"{(request.Runtime == LambdaRuntimeKind.NativeAot ? "aot" : "managed")}-{rid}";
        var artifacts = Path.Combine(project.Directory, "obj", "chalice", flavor);
        using var buildLock = await BuildLock.AcquireAsync(artifacts + ".lock", progress, cancellationToken);
        var assemblyName = project.Name;
        var outputDirectory = request.OutputDirectory ?? Path.Combine(project.Directory, ".chalice", "deployments");
        var zipPath = Path.Combine(outputDirectory, $"{assemblyName}-{flavor}.zip");

        // An unchanged app is not built again: publishing takes seconds even when MSBuild finds nothing to do.
        var before = BuildFingerprint.Compute(project.ProjectFile, flavor);
        if (BuildCache.Find(artifacts, before, zipPath) is { } unchanged)
        {
            progress?.Report($"{project.Name} is unchanged since its last build ({zipPath})");
            return unchanged with { Reused = true };
        }
        BuildCache.Forget(artifacts);
        var publishDirectory = Path.Combine(artifacts, "out");
        if (Directory.Exists(publishDirectory))
            Directory.Delete(publishDirectory, recursive: true);

        List<string> arguments =
        [
            "publish", project.ProjectFile, "-c", "Release", "-r", rid, "-o", publishDirectory,
            "--artifacts-path", artifacts, "-p:ChaliceLambda=true", $"-p:CustomBeforeMicrosoftCommonTargets={s_lambdaBuildTargets.Value}",
            "-nologo",
        ];
        arguments.Add(request.Runtime == LambdaRuntimeKind.NativeAot ? "-p:ChaliceNativeAot=true" : "--self-contained=false");
        if (request.Runtime == LambdaRuntimeKind.NativeAot && request.Architecture == LambdaArchitecture.Arm64 && !CrossToolchain.IsNative)
            arguments.AddRange(CrossToolchain.Arm64Arguments());
        progress?.Report($"Building {project.Name} for Lambda ({flavor})");
        var buildOutput = await DotNetCli.RunAsync(arguments, project.Directory, cancellationToken);

        var files = Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !s_excludedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .ToDictionary(f => Path.GetRelativePath(publishDirectory, f).Replace('\\', '/'), f => f, StringComparer.Ordinal);
        var executables = new HashSet<string>(StringComparer.Ordinal);
        if (request.Runtime == LambdaRuntimeKind.NativeAot)
        {
            NativeAotOutput.Verify(files, project.Name, assemblyName, request.Architecture);
            // provided.al2023 starts the file named bootstrap.
            files.Remove(assemblyName, out var native);
            files["bootstrap"] = native!;
            executables.Add("bootstrap");
        }

        Directory.CreateDirectory(outputDirectory);
        progress?.Report($"Writing {zipPath}");
        DeterministicZip.Write(zipPath, files, executables);

        var bytes = await File.ReadAllBytesAsync(zipPath, cancellationToken);
        var package = new LambdaPackage(
            zipPath,
            Convert.ToBase64String(SHA256.HashData(bytes)),
            bytes.LongLength,
            request.Runtime == LambdaRuntimeKind.NativeAot ? "provided.al2023" : "dotnet10",
            request.Runtime == LambdaRuntimeKind.NativeAot ? "bootstrap" : assemblyName,
            request.Architecture == LambdaArchitecture.Arm64 ? "arm64" : "x86_64",
            files.Keys.Order(StringComparer.Ordinal).ToArray(),
            FindAppAssembly(artifacts, assemblyName))
        {
            BuildWarnings = DotNetCli.Warnings(buildOutput),
        };
        // The sources as the build found them, the restore as it left it (see BuildFingerprint).
        BuildCache.Record(artifacts, before with { Restore = BuildFingerprint.Compute(project.ProjectFile, flavor).Restore }, package);
        return package;
    }

    /// <summary>The IL assembly the build compiled (under the artifacts' obj folder), which holds the app manifest.</summary>
    private static string FindAppAssembly(string artifacts, string assemblyName)
    {
        var candidates = Directory.EnumerateFiles(Path.Combine(artifacts, "obj"), assemblyName + ".dll", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}refint{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToArray();
        return candidates.Length > 0
            ? candidates[0]
            : throw new DotNetCommandException($"The build did not leave {assemblyName}.dll under {artifacts}.");
    }
}
