using Chalice.Project;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Tests;

[assembly: AssemblyFixture(typeof(Chalice.Deploy.Tests.Deploying.PackagedApps))]

namespace Chalice.Deploy.Tests.Deploying;

/// <summary>An app built for Lambda once per test run, with its manifest.</summary>
internal sealed record PackagedApp(AppProject Project, LambdaPackage Package, AppManifest Manifest)
{
    /// <summary>
    /// The app without CORS: moto 5.2.1 cannot import the MOCK integration of a preflight (it wants a uri, which AWS
    /// does not), so apps deployed to moto leave CORS out; OpenApiDocumentTests check the preflights.
    /// </summary>
    public PackagedApp WithoutCors() => this with { Manifest = Manifest with { Routes = [.. Manifest.Routes.Select(r => r with { Cors = null })] } };

    /// <summary>
    /// The app without the authorizers of a kind its API type lacks and the routes that name them: a REST API has no JWT
    /// authorizer, an HTTP API no Cognito one, and the deployer refuses such a route rather than serve it open.
    /// </summary>
    public PackagedApp WithoutAuthorizers<TKind>() where TKind : ApiAuthorizerManifest
    {
        var left = Manifest.Authorizers.OfType<TKind>().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Manifest = Manifest with
            {
                Routes = [.. Manifest.Routes.Where(r => r.Authorizer is null || !left.Contains(r.Authorizer))],
                Authorizers = [.. Manifest.Authorizers.Where(a => a is not TKind)],
            },
        };
    }

    /// <summary>
    /// The app without its authorizer functions that answer with simple responses, and the routes that name them:
    /// only HTTP APIs read simple responses, and the deployer refuses them on a REST API.
    /// </summary>
    public PackagedApp WithoutSimpleResponseAuthorizers()
    {
        var simple = Manifest.Functions.OfType<AuthorizerFunctionManifest>().Where(f => f.SimpleResponses).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Manifest = Manifest with
            {
                Functions = [.. Manifest.Functions.Where(f => !simple.Contains(f.Name))],
                Routes = [.. Manifest.Routes.Where(r => r.Authorizer is null || !simple.Contains(r.Authorizer))],
            },
        };
    }
}

/// <summary>
/// Builds the test apps for Lambda at most once per test run (managed dotnet10: what the deployer does with a package
/// does not depend on how it was compiled, and AOT would cost half a minute more), shared by every test that deploys.
/// </summary>
public sealed class PackagedApps : IAsyncDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("chalice-packages-").FullName;
    private readonly Lazy<Task<PackagedApp>> _s3Test;
    private readonly Lazy<Task<PackagedApp>> _testApp;
    private readonly Lazy<Task<PackagedApp>> _eventsApp;
    private readonly Lazy<Task<PackagedApp>> _authApp;
    private readonly Lazy<Task<PackagedApp>> _uploads;

    public PackagedApps()
    {
        _s3Test = new(() => PackageAsync(RepoPaths.InRepo("samples", "S3Test")));
        _testApp = new(() => PackageAsync(RepoPaths.InRepo("tests", "TestApps", "TestApp")));
        _eventsApp = new(() => PackageAsync(RepoPaths.InRepo("tests", "TestApps", "EventsApp")));
        _authApp = new(() => PackageAsync(RepoPaths.InRepo("tests", "TestApps", "AuthApp")));
        _uploads = new(() => PackageAsync(RepoPaths.InRepo("samples", "Uploads")));
    }

    /// <summary>samples/S3Test.</summary>
    internal Task<PackagedApp> S3Test => _s3Test.Value;

    /// <summary>tests/TestApps/TestApp.</summary>
    internal Task<PackagedApp> TestApp => _testApp.Value;

    /// <summary>tests/TestApps/EventsApp: one function of every kind.</summary>
    internal Task<PackagedApp> EventsApp => _eventsApp.Value;

    /// <summary>tests/TestApps/AuthApp: built-in TOKEN and REQUEST authorizers, and one declared authorizer of each other kind.</summary>
    internal Task<PackagedApp> AuthApp => _authApp.Value;
    /// <summary>samples/Uploads: four functions that call different services.</summary>
    internal Task<PackagedApp> Uploads => _uploads.Value;

    private async Task<PackagedApp> PackageAsync(string directory)
    {
        var project = AppProject.Find(directory);
        var package = await new LambdaPackager().PackageAsync(
            new PackageRequest(project, LambdaRuntimeKind.Managed, OutputDirectory: Path.Combine(_output, project.Name)));
        return new PackagedApp(project, package, AppManifest.Read(package.AppAssemblyPath));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return ValueTask.CompletedTask;
    }
}
