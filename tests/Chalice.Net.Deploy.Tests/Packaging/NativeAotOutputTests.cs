using Chalice.Project;
using Chalice.Deploy.Packaging;

namespace Chalice.Deploy.Tests.Packaging;

/// <summary>
/// What the packager accepts as the output of a Native AOT publish: only the app compiled to native code for the
/// function's architecture. (The real images: PackageTests in Chalice.Net.Lambda.Tests and the tool-install test.)
/// </summary>
public sealed class NativeAotOutputTests : IDisposable
{
    private readonly string _publish = Directory.CreateTempSubdirectory("chalice-publish-").FullName;

    [Fact]
    public void A_native_image_for_the_functions_architecture_passes()
    {
        TestElfFile.Write(Path.Combine(_publish, "demo"), ElfImage.X86_64, ".text", "__managedcode", ".rodata");

        NativeAotOutput.Verify(Published(), "demo", "demo", LambdaArchitecture.X86_64);
    }

    [Fact]
    public void The_SDKs_apphost_beside_the_apps_assemblies_is_refused_in_one_line_that_names_them()
    {
        // This test project's own build output is what a publish without Native AOT looks like: the SDK's apphost
        // (an ELF executable without the app in it) beside the app's .dll and its runtime files.
        var app = "Chalice.Net.Deploy.Tests";
        foreach (var file in new[] { app, app + ".dll", app + ".deps.json", app + ".runtimeconfig.json" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(_publish, file));
        Assert.NotNull(ElfImage.Read(Path.Combine(_publish, app)));

        var error = Assert.Throws<DotNetCommandException>(() => NativeAotOutput.Verify(Published(), "demo", app, LambdaArchitecture.X86_64));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("The Native AOT build of demo is not a native bootstrap: 'Chalice.Net.Deploy.Tests' is a ", error.Message, StringComparison.Ordinal);
        Assert.Contains("KB .NET apphost, not the app compiled to native code, beside 3 managed file(s) (Chalice.Net.Deploy.Tests.deps.json, Chalice.Net.Deploy.Tests.dll, Chalice.Net.Deploy.Tests.runtimeconfig.json).", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublishAot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_native_image_with_managed_assemblies_beside_it_is_refused()
    {
        TestElfFile.Write(Path.Combine(_publish, "demo"), ElfImage.X86_64, "__managedcode");
        File.WriteAllText(Path.Combine(_publish, "Extra.dll"), "");

        var error = Assert.Throws<DotNetCommandException>(() => NativeAotOutput.Verify(Published(), "demo", "demo", LambdaArchitecture.X86_64));

        Assert.Contains("'demo' is native, beside 1 managed file(s) (Extra.dll)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_for_the_other_architecture_is_refused()
    {
        TestElfFile.Write(Path.Combine(_publish, "demo"), ElfImage.Aarch64, "__managedcode");

        var error = Assert.Throws<DotNetCommandException>(() => NativeAotOutput.Verify(Published(), "demo", "demo", LambdaArchitecture.X86_64));

        Assert.Equal("The Native AOT build of demo is for ELF machine 183, not x86_64 (machine 62).", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_linux_executable_is_refused()
    {
        File.WriteAllText(Path.Combine(_publish, "demo"), "#!/bin/sh\n");

        var error = Assert.Throws<DotNetCommandException>(() => NativeAotOutput.Verify(Published(), "demo", "demo", LambdaArchitecture.X86_64));

        Assert.Contains("'demo' is not a Linux executable.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publish_without_the_executable_is_refused_naming_what_it_holds()
    {
        foreach (var file in new[] { "a.txt", "b.txt", "c.txt", "d.txt" })
            File.WriteAllText(Path.Combine(_publish, file), "");

        var error = Assert.Throws<DotNetCommandException>(() => NativeAotOutput.Verify(Published(), "demo", "demo", LambdaArchitecture.X86_64));

        Assert.Equal("The Native AOT build of demo produced no 'demo' executable (it produced a.txt, b.txt, c.txt and 1 more).", error.Message);
    }

    private Dictionary<string, string> Published() =>
        Directory.EnumerateFiles(_publish).ToDictionary(f => Path.GetFileName(f)!, f => f, StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_publish, recursive: true);
}
