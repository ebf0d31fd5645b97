using System.IO.Compression;
using Chalice.Project;
using Chalice.Deploy.Packaging;
using Chalice.Tests;

namespace Chalice.Lambda.Tests;

/// <summary>
/// Builds each Lambda package at most once per test run (Native AOT publishes take most of a minute), on demand.
/// </summary>
public sealed class LambdaPackages
{
    private readonly Lazy<Task<LambdaPackage>> _testAppAot = new(() => Package("tests/TestApps/TestApp", LambdaRuntimeKind.NativeAot));
    private readonly Lazy<Task<LambdaPackage>> _testAppManaged = new(() => Package("tests/TestApps/TestApp", LambdaRuntimeKind.Managed));
    private readonly Lazy<Task<LambdaPackage>> _s3TestAot = new(() => Package("samples/S3Test", LambdaRuntimeKind.NativeAot));
    private readonly Lazy<Task<LambdaPackage>> _servicesAppAot = new(() => Package("tests/TestApps/ServicesApp", LambdaRuntimeKind.NativeAot));
    private readonly Lazy<Task<LambdaPackage>> _eventsAppAot = new(() => Package("tests/TestApps/EventsApp", LambdaRuntimeKind.NativeAot));
    private readonly Lazy<Task<LambdaPackage>> _composedAppAot = new(() => Package("tests/TestApps/ComposedApp", LambdaRuntimeKind.NativeAot));

    internal Task<LambdaPackage> TestAppAot => _testAppAot.Value;

    internal Task<LambdaPackage> TestAppManaged => _testAppManaged.Value;

    internal Task<LambdaPackage> S3TestAot => _s3TestAot.Value;

    internal Task<LambdaPackage> ServicesAppAot => _servicesAppAot.Value;

    internal Task<LambdaPackage> EventsAppAot => _eventsAppAot.Value;

    internal Task<LambdaPackage> ComposedAppAot => _composedAppAot.Value;

    internal static Task<LambdaPackage> Package(
        string relativeProject, LambdaRuntimeKind runtime, string? outputDirectory = null, LambdaArchitecture architecture = LambdaArchitecture.X86_64) =>
        new LambdaPackager().PackageAsync(new PackageRequest(
            AppProject.Find(RepoPaths.InRepo(relativeProject.Split('/'))),
            runtime,
            architecture,
            OutputDirectory: outputDirectory ?? Directory.CreateTempSubdirectory("chalice-package-").FullName));

    /// <summary>Unzips a package into a fresh folder, as Lambda does.</summary>
    internal static string Extract(LambdaPackage package)
    {
        var folder = Directory.CreateTempSubdirectory("chalice-task-").FullName;
        ZipFile.ExtractToDirectory(package.ZipPath, folder);
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class LambdaPackagesCollection : ICollectionFixture<LambdaPackages>
{
    public const string Name = "Lambda packages";
}
