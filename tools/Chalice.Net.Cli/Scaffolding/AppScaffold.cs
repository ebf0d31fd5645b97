using System.Reflection;

namespace Chalice.Cli.Scaffolding;

/// <summary>
/// The files of a new app: a project referencing the Chalice.Net packages (the local emulator only outside Lambda
/// builds), an app class with two routes, Chalice's <c>.chalice/config.json</c>, and the packages themselves in
/// <c>.chalice/packages</c> with a <c>nuget.config</c> that names that folder.
/// </summary>
internal static class AppScaffold
{
    /// <summary>The app's local NuGet feed, relative to its folder (and to its nuget.config, which NuGet resolves it from).</summary>
    public const string PackagesFolder = ".chalice/packages";

    /// <summary>The Chalice.Net version this tool belongs to, which new apps reference.</summary>
    public static string ChaliceNetVersion { get; } =
        (typeof(AppScaffold).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0")
        .Split('+')[0];

    /// <summary>Writes the app into <paramref name="directory"/>.</summary>
    public static async Task WriteAsync(string directory, string appName, BundledPackages packages, CancellationToken cancellationToken)
    {
        var ns = Namespace(appName);
        var version = packages.Version;
        Directory.CreateDirectory(Path.Combine(directory, ".chalice"));
        packages.CopyTo(Path.Combine(directory, PackagesFolder));
        await File.WriteAllTextAsync(Path.Combine(directory, appName + ".csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
                <RootNamespace>{{ns}}</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Chalice.Net" Version="{{version}}" />
                <!-- The local emulator serves `dotnet run`; chalice-net's Lambda build (-p:ChaliceLambda=true) leaves it out. -->
                <PackageReference Include="Chalice.Net.Local" Version="{{version}}" Condition="'$(ChaliceLambda)' != 'true'" />
              </ItemGroup>
            </Project>

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "App.cs"), $$"""
            using System.Text.Json.Nodes;
            using Chalice;

            namespace {{ns}};

            /// <summary>`dotnet run` serves this app on http://127.0.0.1:8000/; `chalice-net deploy` puts it on AWS.</summary>
            [ChaliceApp("{{appName}}")]
            public partial class App
            {
                [Route("/")]
                public JsonObject Index() => new() { ["hello"] = "world" };

                [Route("/hello/{name}")]
                public JsonObject Hello(string name) => new() { ["hello"] = name };
            }

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, ".chalice", "config.json"), $$"""
            {
              "version": "2.0",
              "app_name": "{{appName}}",
              "stages": {
                "dev": {
                  "api_gateway_stage": "api"
                }
              }
            }

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- The Chalice.Net packages are not on nuget.org: chalice-net new copied them here. Commit the
                     folder with the app, so that it restores wherever it is cloned. -->
                <add key="chalice-net" value="{{PackagesFolder}}" />
              </packageSources>
            </configuration>

            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), $$"""
            bin/
            obj/
            .chalice/deployments/
            .chalice/local/
            # The packages nuget.config names are part of the app, whatever an enclosing .gitignore says of *.nupkg
            # or packages/ folders (Visual Studio's template ignores both).
            !{{PackagesFolder}}/
            !{{PackagesFolder}}/*.nupkg

            """, cancellationToken);
    }

    /// <summary>A C# namespace from an app name: <c>my-app</c> → <c>MyApp</c>.</summary>
    public static string Namespace(string appName) =>
        string.Concat(appName.Split('-', '_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
