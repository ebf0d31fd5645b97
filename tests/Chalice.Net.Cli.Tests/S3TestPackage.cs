using Chalice.Tests;

[assembly: AssemblyFixture(typeof(Chalice.Cli.Tests.S3TestPackage))]

namespace Chalice.Cli.Tests;

/// <summary>
/// samples/S3Test packaged once per test run with <c>chalice-net package</c> (Native AOT, the default runtime, and the
/// SAM template), shared by the tests that deploy it with <c>deploy --package</c>.
/// </summary>
public sealed class S3TestPackage : IAsyncDisposable
{
    private readonly Lazy<Task<string>> _directory;
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("chalice-cli-package-").FullName;

    public S3TestPackage() => _directory = new(PackageAsync);

    public static string AppDirectory => RepoPaths.InRepo("samples", "S3Test");

    /// <summary>The package folder (deployment.zip, sam.json, chalice-package.json).</summary>
    public Task<string> Directory => _directory.Value;

    private async Task<string> PackageAsync()
    {
        var directory = Path.Combine(_root, "sam");
        (await CliRun.RunAsync("package", directory, "--project-dir", AppDirectory)).Succeeded();
        return directory;
    }

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
