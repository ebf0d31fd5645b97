using Chalice.Local.Lambda;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Chalice.Project;
using Chalice.Deploy.Manifest;
using Chalice.Deploy.Packaging;
using Chalice.Events;
using Chalice.Tests;

namespace Chalice.Lambda.Tests;

/// <summary>What goes into a Lambda package, and that it is the same bytes every time.</summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class PackageTests(LambdaPackages packages)
{
    [Fact]
    public async Task The_native_AOT_package_is_one_executable_bootstrap_without_the_local_emulator()
    {
        var package = await packages.TestAppAot;
        Assert.Equal(("provided.al2023", "bootstrap", "x86_64"), (package.Runtime, package.Handler, package.Architecture));
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        Assert.Equal(0b111_101_101, (entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(package.Size < 5 * 1024 * 1024, $"the package is {package.Size} bytes");

        using var binary = new MemoryStream();
        await using (var stream = entry.Open())
            await stream.CopyToAsync(binary);
        var text = Encoding.ASCII.GetString(binary.ToArray());
        // (The bare text "Microsoft.AspNetCore" does appear: the BCL's DiagnosticSource carries ASP.NET Core's
        // activity names as constants. Kestrel's and the emulator's own names must not.)
        Assert.DoesNotContain("Kestrel", text);
        Assert.DoesNotContain("Chalice.Local", text);
        Assert.DoesNotContain("LocalEmulator", text);
    }

    [Fact]
    public async Task A_native_AOT_build_that_is_not_compiled_ahead_of_time_is_refused_instead_of_zipped()
    {
        // A team's Directory.Build.targets that turns Native AOT off: MSBuild imports it after chalice-net's Lambda
        // build settings, so the publish is an apphost with the app's .dll files and the runtime beside it.
        var app = Directory.CreateTempSubdirectory("chalice-jit-app-").FullName;
        var output = Directory.CreateTempSubdirectory("chalice-package-").FullName;
        File.WriteAllText(Path.Combine(app, "JitApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepoPaths.InRepo("src", "Chalice.Net", "Chalice.Net.csproj")}" />
                <ProjectReference Include="{RepoPaths.InRepo("src", "Chalice.Net.Generators", "Chalice.Net.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "App.cs"), """
            namespace JitApp;

            [Chalice.ChaliceApp("jitapp")]
            public partial class App
            {
                [Chalice.Route("/")]
                public string Index() => "hello";
            }
            """);
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project><PropertyGroup><PublishAot>false</PublishAot></PropertyGroup></Project>");

        var error = await Assert.ThrowsAsync<DotNetCommandException>(() =>
            new LambdaPackager().PackageAsync(new PackageRequest(AppProject.Find(app), LambdaRuntimeKind.NativeAot, OutputDirectory: output)));

        Assert.StartsWith("The Native AOT build of JitApp is not a native bootstrap: 'JitApp' is a ", error.Message, StringComparison.Ordinal);
        Assert.Contains("KB .NET apphost, not the app compiled to native code, beside ", error.Message, StringComparison.Ordinal);
        Assert.Contains("JitApp.dll", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
        Directory.Delete(app, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Native_AOT_builds_have_no_trim_or_AOT_warnings()
    {
        Assert.Empty((await packages.TestAppAot).BuildWarnings);
        Assert.Empty((await packages.S3TestAot).BuildWarnings);
    }

    [Fact]
    public void Warnings_are_read_from_the_build_output() =>
        Assert.Equal(
            ["/app/App.cs(3,5): warning IL2026: Using member 'X' which has 'RequiresUnreferencedCodeAttribute' [/app/App.csproj]"],
            Chalice.Project.DotNetCli.Warnings("""
                  App -> /app/bin/App.dll
                  /app/App.cs(3,5): warning IL2026: Using member 'X' which has 'RequiresUnreferencedCodeAttribute' [/app/App.csproj]
                  /app/App.cs(3,5): warning IL2026: Using member 'X' which has 'RequiresUnreferencedCodeAttribute' [/app/App.csproj]
                """));

    [Fact]
    public async Task The_managed_package_has_the_app_and_no_asp_net_core()
    {
        var package = await packages.TestAppManaged;
        Assert.Equal(("dotnet10", "TestApp", "x86_64"), (package.Runtime, package.Handler, package.Architecture));
        Assert.Contains("TestApp.dll", package.Entries);
        Assert.Contains("TestApp.runtimeconfig.json", package.Entries);
        Assert.Contains("Chalice.Net.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || e.StartsWith("Chalice.Net.Local", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_managed_package_serves_in_executable_assembly_mode()
    {
        var package = await packages.TestAppManaged;
        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(LambdaPackages.Extract(package), package.Handler, runtime.Address);

        var result = await runtime.InvokeAsync(ProxyEventJson.Serialize(new ApiGatewayProxyRequest
        {
            Resource = "/double/{n}",
            Path = "/double/21",
            HttpMethod = "GET",
            PathParameters = new() { ["n"] = "21" },
        })).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(result.IsError, Encoding.UTF8.GetString(result.Body));
        Assert.Equal("42", JsonNode.Parse(result.Body)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Packaging_the_same_source_twice_gives_the_same_bytes()
    {
        var first = await packages.TestAppManaged;
        var second = await LambdaPackages.Package("tests/TestApps/TestApp", LambdaRuntimeKind.Managed);
        Assert.NotEqual(first.ZipPath, second.ZipPath);
        Assert.Equal(await File.ReadAllBytesAsync(first.ZipPath), await File.ReadAllBytesAsync(second.ZipPath));
        Assert.Equal(first.CodeSha256, second.CodeSha256);

        var aot = await packages.TestAppAot;
        var aotAgain = await LambdaPackages.Package("tests/TestApps/TestApp", LambdaRuntimeKind.NativeAot);
        Assert.Equal(aot.CodeSha256, aotAgain.CodeSha256);
    }

    [Fact]
    public async Task The_manifest_of_the_packaged_app_lists_its_routes()
    {
        var manifest = AppManifest.Read((await packages.TestAppManaged).AppAssemblyPath);
        Assert.Equal("testapp", manifest.Name);
        Assert.Equal("api_handler", Assert.Single(manifest.Functions).Name);
        var users = manifest.Routes.Single(r => r.Path == "/users/{id}");
        Assert.Equal(["GET"], users.Methods);
        Assert.Equal("GetUser", users.Handler);
        Assert.Equal("https://example.com", manifest.Routes.Single(r => r.Path == "/cors/custom").Cors!.AllowOrigin);
    }
}
