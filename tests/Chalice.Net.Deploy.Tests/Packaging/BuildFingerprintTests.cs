using System.Security.Cryptography;
using Chalice.Deploy.Packaging;

namespace Chalice.Deploy.Tests.Packaging;

/// <summary>
/// A deploy reuses the last build only while nothing it was built from changed: each kind of input changes the
/// fingerprint, and what the build and the tool write themselves does not.
/// </summary>
public sealed class BuildFingerprintTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chalice-fingerprint-").FullName;

    public BuildFingerprintTests()
    {
        Write("Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"AWSSDK.S3\" Version=\"4.0.0\" /></ItemGroup></Project>");
        Write("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("lib/Helper.cs", "class Helper { }");
        Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" /></ItemGroup></Project>");
        Write("app/App.cs", "class App { }");
        Write("app/.chalice/config.json", "{ \"app_name\": \"app\" }");
        Write("app/obj/project.assets.json", "{ \"version\": 3, \"libraries\": { \"AWSSDK.S3/4.0.0\": {} } }");
    }

    private string ProjectFile => Path.Combine(_root, "app", "App.csproj");

    [Theory]
    [InlineData("app/App.cs", "class App { int x; }")]
    [InlineData("app/Routes/New.cs", "class New { }")]
    [InlineData("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")]
    [InlineData("app/.chalice/config.json", "{ \"app_name\": \"app\", \"xray\": true }")]
    [InlineData("app/.chalice/policy-dev.json", "{}")]
    [InlineData("app/appsettings.json", "{}")]
    [InlineData("lib/Helper.cs", "class Helper { void M() { } }")]
    [InlineData("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><LangVersion>14</LangVersion></PropertyGroup></Project>")]
    [InlineData("Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"AWSSDK.S3\" Version=\"4.0.1\" /></ItemGroup></Project>")]
    [InlineData("Directory.Build.props", "<Project />")]
    [InlineData("global.json", "{ \"sdk\": { \"version\": \"10.0.100\" } }")]
    [InlineData("nuget.config", "<configuration />")]
    public void Every_source_input_changes_the_sources_fingerprint(string file, string content)
    {
        var before = BuildFingerprint.Compute(ProjectFile, "aot-linux-x64");

        Write(file, content);

        Assert.NotEqual(before.Sources, BuildFingerprint.Compute(ProjectFile, "aot-linux-x64").Sources);
    }

    [Theory]
    [InlineData("app/obj/project.assets.json")]
    [InlineData("app/obj/chalice/aot-linux-x64/obj/App/project.assets.json")]
    public void Restored_package_versions_change_the_restore_fingerprint(string assets)
    {
        var before = BuildFingerprint.Compute(ProjectFile, "aot-linux-x64");

        Write(assets, "{ \"version\": 3, \"libraries\": { \"AWSSDK.S3/4.0.1\": {} } }");

        Assert.NotEqual(before.Restore, BuildFingerprint.Compute(ProjectFile, "aot-linux-x64").Restore);
    }

    [Fact]
    public void The_build_flavor_is_part_of_the_fingerprint()
    {
        Assert.NotEqual(BuildFingerprint.Compute(ProjectFile, "aot-linux-x64"), BuildFingerprint.Compute(ProjectFile, "aot-linux-arm64"));
    }

    [Theory]
    [InlineData("app/bin/Release/App.dll")]
    [InlineData("app/obj/Release/App.dll")]
    [InlineData("app/.chalice/deployed/dev.json")]
    [InlineData("app/.chalice/deployments/App-aot-linux-x64.zip")]
    [InlineData("app/.chalice/local/s3/bucket/key")]
    [InlineData("lib/bin/Debug/Lib.dll")]
    [InlineData("unrelated/Other.cs")]
    public void What_builds_and_deploys_write_does_not_change_the_fingerprint(string file)
    {
        var before = BuildFingerprint.Compute(ProjectFile, "aot-linux-x64");

        Write(file, "output");

        Assert.Equal(before, BuildFingerprint.Compute(ProjectFile, "aot-linux-x64"));
    }

    [Fact]
    public void The_last_build_is_reused_only_with_the_same_fingerprint_and_an_intact_zip()
    {
        var artifacts = Path.Combine(_root, "app", "obj", "chalice", "aot-linux-x64");
        Directory.CreateDirectory(artifacts);
        var zip = Write("app/.chalice/deployments/App-aot-linux-x64.zip", "zip bytes");
        var assembly = Write("app/obj/chalice/aot-linux-x64/obj/App.dll", "il");
        var package = new LambdaPackage(zip, Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip))), 9, "provided.al2023", "bootstrap",
            "x86_64", ["bootstrap"], assembly) { BuildWarnings = ["warning IL2026: trimmed"] };
        var fingerprint = BuildFingerprint.Compute(ProjectFile, "aot-linux-x64");
        BuildCache.Record(artifacts, fingerprint, package);

        Assert.Equal(package.CodeSha256, BuildCache.Find(artifacts, fingerprint, zip)?.CodeSha256);
        Assert.Equal(["warning IL2026: trimmed"], BuildCache.Find(artifacts, fingerprint, zip)!.BuildWarnings);
        Assert.Null(BuildCache.Find(artifacts, fingerprint with { Sources = "changed" }, zip));
        Assert.Null(BuildCache.Find(artifacts, fingerprint with { Restore = "changed" }, zip));
        Write("app/.chalice/deployments/App-aot-linux-x64.zip", "other bytes");
        Assert.Null(BuildCache.Find(artifacts, fingerprint, zip));
    }

    [Fact]
    public void A_policy_is_reused_only_for_the_same_stage_and_sources()
    {
        var app = Path.Combine(_root, "app");
        PolicyCache.Record(app, "dev", "sources-1", new Dictionary<string, string> { ["api_handler"] = "{\"Version\":\"2012-10-17\"}" }, ["a warning"]);

        var (policies, warnings) = PolicyCache.Find(app, "dev", "sources-1")!.Value;
        Assert.Equal("{\"Version\":\"2012-10-17\"}", policies["api_handler"]);
        Assert.Equal(["a warning"], warnings);
        Assert.Null(PolicyCache.Find(app, "dev", "sources-2"));
        Assert.Null(PolicyCache.Find(app, "prod", "sources-1"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
