namespace Chalice.Cli.Tests;

/// <summary>
/// A throw-away app folder: a project that says it is a Chalice.Net app, code that does not compile (so a test knows a
/// command stopped before building it), and the given <c>.chalice/config.json</c>.
/// </summary>
internal sealed class TempApp : IDisposable
{
    private TempApp(string directory) => Directory = directory;

    public string Directory { get; }

    public string ConfigFile => Path.Combine(Directory, ".chalice", "config.json");

    public static TempApp Create(string? config = null)
    {
        var app = new TempApp(System.IO.Directory.CreateTempSubdirectory("chalice-cli-app-").FullName);
        File.WriteAllText(Path.Combine(app.Directory, "Demo.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Chalice.Net" Version="0.1.0" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app.Directory, "App.cs"), "this does not compile");
        if (config is not null)
            app.WriteConfig(config);
        return app;
    }

    public void WriteConfig(string config)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        File.WriteAllText(ConfigFile, config);
    }

    /// <summary>Writes a file under <c>.chalice/</c>.</summary>
    public void WriteChaliceFile(string name, string content) => File.WriteAllText(Path.Combine(Directory, ".chalice", name), content);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
