using Chalice.Tests;

namespace Chalice.Project.Tests;

public sealed class AppProjectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chalice-app-project-").FullName;

    [Fact]
    public void A_folder_with_one_project_and_that_project_file_name_the_same_app()
    {
        var file = Touch("Demo.csproj");

        var fromFolder = AppProject.Find(_folder);
        var fromFile = AppProject.Find(file);

        Assert.Equal(new AppProject(_folder, file), fromFolder);
        Assert.Equal(fromFolder, fromFile);
        Assert.Equal("Demo", fromFile.Name);
    }

    [Fact]
    public void A_project_file_is_taken_even_when_its_folder_holds_others()
    {
        Touch("A.csproj");
        var chosen = Touch("B.csproj");

        Assert.Equal(chosen, AppProject.Find(chosen).ProjectFile);
        var several = Assert.Throws<AppProjectException>(() => AppProject.Find(_folder));
        Assert.Contains("More than one .csproj", several.Message, StringComparison.Ordinal);
        Assert.Contains("A.csproj, B.csproj", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_an_empty_folder_and_another_kind_of_file_are_refused_with_the_reason()
    {
        var missing = Path.Combine(_folder, "nope");
        Assert.Equal($"'{missing}' does not exist; pass the app's folder or its .csproj with --project-dir.",
            Assert.Throws<AppProjectException>(() => AppProject.Find(missing)).Message);
        Assert.StartsWith("No .csproj in", Assert.Throws<AppProjectException>(() => AppProject.Find(_folder)).Message, StringComparison.Ordinal);
        var readme = Touch("README.md");
        Assert.StartsWith($"'{readme}' is not a .csproj file", Assert.Throws<AppProjectException>(() => AppProject.Find(readme)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_project_is_an_app_folder_for_the_commands_that_read_only_its_settings()
    {
        var file = Touch("Demo.csproj");
        var missing = Path.Combine(_folder, "nope");

        Assert.Equal(_folder, AppProject.FindDirectory(_folder));
        Assert.Equal(_folder, AppProject.FindDirectory(file));
        // The same words as every other way of naming the app (gen-policy used to have its own).
        Assert.Equal(
            Assert.Throws<AppProjectException>(() => AppProject.Find(missing)).Message,
            Assert.Throws<AppProjectException>(() => AppProject.FindDirectory(missing)).Message);
    }

    [Fact]
    public void The_served_app_is_the_named_one_else_the_current_folder_with_a_config_else_the_one_above_the_build_output()
    {
        var app = Directory.CreateDirectory(Path.Combine(_folder, "app")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(app, "bin", "Debug", "net10.0")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;

        // No config anywhere: the current folder, as Chalice serves it.
        Assert.Equal(elsewhere, AppProject.FindServedDirectory(null, elsewhere, output));

        // dotnet run --project app from elsewhere: found above the build output.
        Directory.CreateDirectory(Path.Combine(app, ".chalice"));
        File.WriteAllText(Path.Combine(app, ".chalice", "config.json"), "{}");
        Assert.Equal(app, AppProject.FindServedDirectory(null, elsewhere, output));

        // In a folder with a config of its own, that one (Chalice's rule).
        Directory.CreateDirectory(Path.Combine(elsewhere, ".chalice"));
        File.WriteAllText(Path.Combine(elsewhere, ".chalice", "config.json"), "{}");
        Assert.Equal(elsewhere, AppProject.FindServedDirectory(null, elsewhere, output));

        // --project-dir wins, as a folder or as the project file.
        var project = Path.Combine(app, "App.csproj");
        File.WriteAllText(project, "<Project />");
        Assert.Equal(app, AppProject.FindServedDirectory(app, elsewhere, output));
        Assert.Equal(app, AppProject.FindServedDirectory(project, elsewhere, output));
        Assert.Throws<AppProjectException>(() => AppProject.FindServedDirectory(Path.Combine(_folder, "nope"), elsewhere, output));
    }

    [Fact]
    public async Task An_executable_referencing_Chalice_Net_is_an_app_known_from_its_project_file_alone()
    {
        // An SDK no MSBuild could resolve: the answer must come from the file, with no evaluation.
        var project = Write("App.csproj", """
            <Project Sdk="No.Such.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Chalice.Net" Version="0.1.0" />
                <PackageReference Include="Chalice.Net.Local" Version="0.1.0" Condition="'$(ChaliceLambda)' != 'true'" />
              </ItemGroup>
            </Project>
            """);

        await AppProject.Find(project).EnsureIsAppAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("""<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><PackageReference Include="AWSSDK.S3" Version="4.0.104.8" /></ItemGroup>""",
        "it does not reference Chalice.Net")]
    [InlineData("""<ItemGroup><PackageReference Include="Chalice.Net" Version="0.1.0" /></ItemGroup>""",
        "it is not an executable (OutputType Exe)")]
    [InlineData("""<PropertyGroup><OutputType>Exe</OutputType><IsTestProject>true</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="Chalice.Net" Version="0.1.0" /></ItemGroup>""",
        "it is a test project")]
    public async Task Other_projects_are_refused_before_any_build_with_the_reason(string content, string reason)
    {
        var project = Write("Other.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              {content}
            </Project>
            """);

        var error = await Assert.ThrowsAsync<AppProjectException>(() => AppProject.Find(project).EnsureIsAppAsync(TestContext.Current.CancellationToken));

        Assert.Equal($"Other.csproj is not a Chalice.Net app ({reason}); pass the app's folder or its .csproj with --project-dir.", error.Message);
    }

    [Fact]
    public async Task The_apps_test_project_is_refused_and_points_at_the_app_it_tests()
    {
        // Exe and test project only through tests/Directory.Build.props: MSBuild's evaluation sees what the file does not.
        var testProject = AppProject.Find(RepoPaths.InRepo("tests", "Samples.S3Test.Tests"));

        var error = await Assert.ThrowsAsync<AppProjectException>(() => testProject.EnsureIsAppAsync(TestContext.Current.CancellationToken));

        var app = Path.GetRelativePath(Environment.CurrentDirectory, RepoPaths.InRepo("samples", "S3Test", "S3Test.csproj"));
        Assert.Equal(
            $"Samples.S3Test.Tests.csproj is not a Chalice.Net app (it is a test project); it references the app {app}, so pass --project-dir {app}.",
            error.Message);
        await AppProject.Find(RepoPaths.InRepo("samples", "S3Test")).EnsureIsAppAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string name) => Write(name, "<Project />");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
