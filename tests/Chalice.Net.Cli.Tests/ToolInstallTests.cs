using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chalice.Tests;

namespace Chalice.Cli.Tests;

/// <summary>
/// The tool as a user gets it: Chalice.Net, Chalice.Net.Local (with Chalice.Net.Project) and the CLI packed into a local feed, the CLI installed
/// from it (into a tool path, to keep the machine clean; <c>--global</c> takes the same feed), <c>chalice-net new
/// demo</c>, and <c>dotnet run</c> of the scaffold serving its routes over HTTP.
/// </summary>
public sealed partial class ToolInstallTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chalice-tool-").FullName;

    [Fact]
    public async Task The_packed_tool_installs_and_its_new_app_serves_a_route()
    {
        // A version of its own, so no package cached by an earlier run is used instead of this build's.
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = Path.Combine(_root, "feed");
        foreach (var project in new[] { "src/Chalice.Net", "src/Chalice.Net.Project", "src/Chalice.Net.Local", "tools/Chalice.Net.Cli" })
            await DotNetAsync(RepoPaths.Root, "pack", RepoPaths.InRepo(project), "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo");
        AssertGeneratorIsShipped(Path.Combine(feed, $"Chalice.Net.{version}.nupkg"));

        // The rest restores into a cache of its own, which the test deletes.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="chalice-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(_root, "tools");
        await DotNetAsync(_root, environment, "tool", "install", "Chalice.Net.Cli", "--tool-path", tools, "--add-source", feed, "--version", version);

        var created = await ExternalTool.RunAsync(Path.Combine(tools, "chalice-net"), ["new", "demo"], _root, environment);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains($"Version=\"{version}\"", File.ReadAllText(Path.Combine(_root, "demo", "demo.csproj")), StringComparison.Ordinal);

        var demo = Path.Combine(_root, "demo");
        await AssertServesAsync("dotnet", ["run", "--", "--port", "0"], demo, environment);
        // chalice-net local runs the same emulator through dotnet run.
        await AssertServesAsync(Path.Combine(tools, "chalice-net"), ["local", "--port", "0"], demo, environment);
    }

    /// <summary>Starts the app, GETs both of the scaffold's routes, and stops it.</summary>
    private static async Task AssertServesAsync(string program, string[] arguments, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var app = Process.Start(start)!;
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

    private static void AssertGeneratorIsShipped(string package)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Chalice.Net.Generators.dll", entries);
        Assert.Contains("build/Chalice.Net.targets", entries);
        Assert.Contains("buildTransitive/Chalice.Net.targets", entries);
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
        Assert.Fail($"dotnet run exited ({(app.HasExited ? app.ExitCode : -1)}) without serving:\n{string.Join('\n', seen)}\n{await app.StandardError.ReadToEndAsync()}");
        throw new InvalidOperationException();
    }

    private static Task DotNetAsync(string directory, params string[] arguments) => DotNetAsync(directory, null, arguments);

    private static async Task DotNetAsync(string directory, IDictionary<string, string>? environment, params string[] arguments)
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("dotnet", arguments, directory, environment);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({exitCode}):\n{output}\n{error}");
    }

    [GeneratedRegex(@"Serving .* on (http://\S+/)")]
    private static partial Regex ServingLine();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
