using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chalice.Cli.Scaffolding;
using Chalice.Cli.Tests.FirstRun;
using Chalice.Events;
using Chalice.Local.Lambda;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// The README's path as a new user takes it, on a machine with only the .NET SDK (<see cref="FreshMachine"/>): the
/// tool installed from the packed feed, <c>chalice-net new demo</c>, <c>dotnet run</c>, then <c>chalice-net
/// package</c>, whose zip must be the single native <c>bootstrap</c> that <c>provided.al2023</c> starts.
/// </summary>
public sealed partial class ToolInstallTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private const long BootstrapSizeLimit = 8 * 1024 * 1024; // 8 MiB; the scaffold's bootstrap measured 7.7 MiB

    // ELF header fields: https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html (e_machine 62 = EM_X86_64).
    private static readonly byte[] s_elfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    private const ushort ElfMachineX86_64 = 62;

    private FreshMachine Machine => tool.Machine;

    [Fact]
    public async Task A_new_app_serves_its_routes_then_packages_as_one_native_bootstrap()
    {
        var readme = await File.ReadAllTextAsync(RepoPaths.InRepo("README.md"));
        Assert.Contains(InstalledTool.PackCommand, readme);
        Assert.Contains(InstalledTool.InstallCommand, readme);
        Assert.Contains("chalice-net new demo && cd demo && dotnet run", readme);

        await Machine.RunAsync(tool.Command, ["new", "demo"], Machine.Workspace);
        var demo = Path.Combine(Machine.Workspace, "demo");
        await AssertServesAsync("dotnet", ["run", "--", "--port", "0"], demo);
        // chalice-net local runs the same emulator through dotnet run.
        await AssertServesAsync(tool.Command, ["local", "--port", "0"], demo);

        var packageFolder = Path.Combine(Machine.Workspace, "demo-package");
        await Machine.RunAsync(tool.Command, ["package", packageFolder], demo);
        var zipPath = Path.Combine(packageFolder, "deployment.zip");
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var names = zip.Entries.Select(e => $"{e.FullName} ({e.Length} bytes)").ToArray();
            Assert.True(names.Length == 1, $"the zip holds {names.Length} files: {string.Join(", ", names.Take(8))}…");
            Assert.Equal("bootstrap", zip.Entries[0].FullName);
            Assert.True(zip.Entries[0].Length < BootstrapSizeLimit, $"bootstrap is {zip.Entries[0].Length} bytes");
            Assert.Equal(0b111_101_101, (zip.Entries[0].ExternalAttributes >> 16) & 0x1FF); // rwxr-xr-x
            TestContext.Current.TestOutputHelper?.WriteLine($"bootstrap: {zip.Entries[0].Length} bytes, deployment.zip: {new FileInfo(zipPath).Length} bytes");
        }

        var function = Path.Combine(Machine.Root, "demo-function");
        ZipFile.ExtractToDirectory(zipPath, function);
        AssertIsX64Elf(Path.Combine(function, "bootstrap"));
        await AssertAnswersOnTheRuntimeApiAsync(function);
    }

    [Fact]
    public void Packing_the_tool_packs_the_chalice_net_packages_into_it_and_warns_about_nothing()
    {
        Assert.DoesNotMatch(@"(?i)\bwarning\b|missing a readme", tool.PackOutput);
        using var cli = ZipFile.OpenRead(Path.Combine(tool.Feed, $"Chalice.Net.Cli.{tool.Version}.nupkg"));
        Assert.Equal(
            [
                $"tools/net10.0/any/packages/Chalice.Net.{tool.Version}.nupkg",
                $"tools/net10.0/any/packages/Chalice.Net.Local.{tool.Version}.nupkg",
                $"tools/net10.0/any/packages/Chalice.Net.Project.{tool.Version}.nupkg",
            ],
            cli.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".nupkg", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("README.md", cli.Entries.Select(e => e.FullName));

        using var bundled = new ZipArchive(cli.GetEntry($"tools/net10.0/any/packages/Chalice.Net.{tool.Version}.nupkg")!.Open());
        var entries = bundled.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/Chalice.Net.Generators.dll", entries);
        Assert.Contains("README.md", entries);
        // Lambda build settings come from chalice-net's packager (ChaliceNet.LambdaBuild.targets), not from the package.
        Assert.DoesNotContain(entries, e => e.StartsWith("build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_app_committed_and_cloned_restores_on_a_machine_without_the_tool()
    {
        // A repository that holds the app and ignores NuGet packages, as Visual Studio's .gitignore template does.
        var repository = Directory.CreateDirectory(Path.Combine(Machine.Workspace, "team-repository")).FullName;
        await Machine.RunAsync(tool.Command, ["new", "shared"], repository);
        await File.WriteAllTextAsync(Path.Combine(repository, ".gitignore"), "*.nupkg\n**/[Pp]ackages/*\n");
        await GitAsync(repository, "init", "--quiet");
        await GitAsync(repository, "add", ".");
        await GitAsync(repository, "commit", "--quiet", "-m", "A new Chalice.Net app");
        var committedPackages = (await GitAsync(repository, "ls-files", "--stage", "shared/.chalice/packages")).TrimEnd().Split('\n');
        Assert.Equal(BundledPackages.Ids.Count, committedPackages.Length);
        Assert.All(committedPackages, line => Assert.StartsWith("100644 ", line, StringComparison.Ordinal)); // data, not executables

        using var teammate = new FreshMachine();
        await teammate.RunAsync("git", ["clone", "--quiet", repository, "clone"], teammate.Workspace);
        var clone = Path.Combine(teammate.Workspace, "clone", "shared");
        Assert.False(File.Exists(teammate.GlobalTool("chalice-net")));
        await teammate.RunAsync("dotnet", ["build", "-nologo"], clone);
        Assert.True(Directory.Exists(Path.Combine(teammate.Home, ".nuget", "packages", "chalice.net", tool.Version)));
    }

    [Fact]
    public async Task The_readmes_project_snippet_builds_an_app_outside_the_repository()
    {
        var readme = await File.ReadAllTextAsync(RepoPaths.InRepo("README.md"));
        var writing = readme[readme.IndexOf("## Writing an app", StringComparison.Ordinal)..];
        var snippet = XmlBlock().Match(writing).Groups[1].Value;
        var repositoryVersion = RepositoryVersion().Match(await File.ReadAllTextAsync(RepoPaths.InRepo("Directory.Build.props"))).Groups[1].Value;
        Assert.Contains($"Version=\"{repositoryVersion}\"", snippet, StringComparison.Ordinal);

        // As the README says: the project's own file with the snippet, and a new app's nuget.config and packages.
        await Machine.RunAsync(tool.Command, ["new", "donor"], Machine.Workspace);
        var donor = Path.Combine(Machine.Workspace, "donor");
        var mine = Path.Combine(Machine.Workspace, "mine");
        Directory.CreateDirectory(Path.Combine(mine, ".chalice"));
        File.Copy(Path.Combine(donor, "nuget.config"), Path.Combine(mine, "nuget.config"));
        CopyDirectory(Path.Combine(donor, ".chalice", "packages"), Path.Combine(mine, ".chalice", "packages"));
        File.Copy(Path.Combine(donor, "App.cs"), Path.Combine(mine, "App.cs"));
        await File.WriteAllTextAsync(Path.Combine(mine, "Mine.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            {snippet.Replace($"Version=\"{repositoryVersion}\"", $"Version=\"{tool.Version}\"", StringComparison.Ordinal)}
            </Project>
            """);

        await Machine.RunAsync("dotnet", ["build", "-nologo"], mine);
    }

    /// <summary>Starts the app, GETs both of the scaffold's routes, and stops it.</summary>
    private async Task AssertServesAsync(string program, string[] arguments, string directory)
    {
        using var app = Process.Start(Machine.StartInfo(program, arguments, directory))!;
        try
        {
            var address = await ServingAddressAsync(app);
            using var http = new HttpClient { BaseAddress = address };
            Assert.Equal("world", JsonNode.Parse(await http.GetStringAsync("/"))!["hello"]!.GetValue<string>());
            Assert.Equal("bob", JsonNode.Parse(await http.GetStringAsync("/hello/bob"))!["hello"]!.GetValue<string>());
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static void AssertIsX64Elf(string bootstrap)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(bootstrap))
            file.ReadExactly(header);
        Assert.True(header[..4].SequenceEqual(s_elfMagic), $"bootstrap is not an ELF file: {Convert.ToHexString(header[..4])}");
        Assert.Equal(ElfMachineX86_64, BitConverter.ToUInt16(header[18..20]));
    }

    /// <summary>Runs the bootstrap as provided.al2023 does, against a local Lambda Runtime API, with one API Gateway event.</summary>
    private async Task AssertAnswersOnTheRuntimeApiAsync(string function)
    {
        await using var runtime = await LocalRuntimeApi.StartAsync();
        var start = Machine.StartInfo(Path.Combine(function, "bootstrap"), [], function);
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "demo-dev";
        start.Environment["_HANDLER"] = "bootstrap";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var result = await runtime.InvokeAsync(ProxyEventJson.Serialize(new ApiGatewayProxyRequest
            {
                Resource = "/hello/{name}",
                Path = "/hello/bob",
                HttpMethod = "GET",
                PathParameters = new() { ["name"] = "bob" },
            })).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.False(result.IsError, $"{Encoding.UTF8.GetString(result.Body)}\n{output}");
            var response = JsonNode.Parse(result.Body)!;
            Assert.Equal(200, response["statusCode"]!.GetValue<int>());
            Assert.Equal("bob", JsonNode.Parse(response["body"]!.GetValue<string>())!["hello"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads the emulator's output until it says where it serves (it picks a free port with --port 0).</summary>
    private static async Task<Uri> ServingAddressAsync(Process app)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        var seen = new List<string>();
        while (await app.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (ServingLine().Match(line) is { Success: true } match)
                return new Uri(match.Groups[1].Value);
        }
        Assert.Fail($"the app exited ({(app.HasExited ? app.ExitCode : -1)}) without serving:\n{string.Join('\n', seen)}\n{await app.StandardError.ReadToEndAsync()}");
        throw new UnreachableException();
    }

    private Task<string> GitAsync(string directory, params string[] arguments) =>
        Machine.RunAsync("git", ["-c", "user.name=Chalice.Net tests", "-c", "user.email=tests@example.com", .. arguments], directory);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [GeneratedRegex(@"Serving .* on (http://\S+/)")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"```xml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex XmlBlock();

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex RepositoryVersion();
}
