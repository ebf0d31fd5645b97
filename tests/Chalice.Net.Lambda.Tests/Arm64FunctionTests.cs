using System.IO.Compression;
using System.Text.Json.Nodes;
using Chalice.Deploy.Packaging;
using Chalice.Events;
using Chalice.Local.Lambda;
using Chalice.Tests;

namespace Chalice.Lambda.Tests;

/// <summary>
/// arm64 (Graviton) packages. The managed one needs nothing special; the Native AOT one needs a cross-linking toolchain
/// on x86_64, which CI installs (see .ci/run), and runs here under qemu's user-mode emulation.
/// </summary>
[Collection(LambdaPackagesCollection.Name)]
public sealed class Arm64FunctionTests
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const string CrossLibraries = "/usr/aarch64-linux-gnu";

    [Fact]
    public async Task The_native_AOT_arm64_bootstrap_is_an_aarch64_executable_that_serves()
    {
        RequireTool(File.Exists(Qemu), $"qemu-user-static ({Qemu})");
        LambdaPackage package;
        try
        {
            package = await LambdaPackages.Package("tests/TestApps/TestApp", LambdaRuntimeKind.NativeAot, architecture: LambdaArchitecture.Arm64);
        }
        catch (Chalice.Project.DotNetCommandException e) when (e.Message.Contains("cross-linking toolchain", StringComparison.Ordinal))
        {
            RequireTool(false, e.Message);
            throw;
        }
        Assert.Equal(("provided.al2023", "arm64"), (package.Runtime, package.Architecture));

        var folder = LambdaPackages.Extract(package);
        var header = new byte[20];
        await using (var bootstrap = File.OpenRead(Path.Combine(folder, "bootstrap")))
            await bootstrap.ReadExactlyAsync(header);
        Assert.Equal("\x7F" + "ELF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
        Assert.Equal(0xB7, BitConverter.ToUInt16(header, 18)); // e_machine: EM_AARCH64

        await using var runtime = await LocalRuntimeApi.StartAsync();
        using var function = FunctionProcess.Start(folder, package.Handler, runtime.Address, emulator: [Qemu, "-L", CrossLibraries]);
        var result = await runtime.InvokeAsync(ProxyEventJson.Serialize(new ApiGatewayProxyRequest
        {
            Resource = "/double/{n}",
            Path = "/double/4",
            HttpMethod = "GET",
            PathParameters = new() { ["n"] = "4" },
        })).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(result.IsError);
        Assert.Equal("8", JsonNode.Parse(result.Body)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_managed_arm64_package_is_architecture_neutral_il()
    {
        var package = await LambdaPackages.Package("tests/TestApps/TestApp", LambdaRuntimeKind.Managed, architecture: LambdaArchitecture.Arm64);
        Assert.Equal(("dotnet10", "arm64"), (package.Runtime, package.Architecture));
        using var zip = ZipFile.OpenRead(package.ZipPath);
        Assert.Contains(zip.Entries, e => e.FullName == "TestApp.dll");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".so", StringComparison.Ordinal));
    }

    /// <summary>CI installs the toolchain, so a missing tool fails there; on a developer's machine the test is skipped.</summary>
    private static void RequireTool(bool present, string what)
    {
        if (present)
            return;
        throw SharedFixtures.Unavailable(
            $"Needs {what}; install with: apt-get install qemu-user-static clang lld libc6-dev-arm64-cross libgcc-12-dev-arm64-cross");
    }
}
