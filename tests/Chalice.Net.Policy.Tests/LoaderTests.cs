using Chalice.Policy.Loading;
using Chalice.Project;

namespace Chalice.Policy.Tests;

/// <summary>The real loader (one <c>dotnet msbuild -restore</c> per app) end to end.</summary>
public sealed class LoaderTests
{
    [Theory]
    [InlineData("S3TestMirror")]
    [InlineData("ProjectReferenceApp")]
    public async Task Loading_through_MSBuild_gives_the_expected_policy(string app)
    {
        var loaded = await AppProjectLoader.LoadAsync(CorpusFixture.AppDirectory(app), TestContext.Current.CancellationToken);

        var result = PolicyAnalyzer.Analyze(loaded, CorpusFixture.Environment(app), TestContext.Current.CancellationToken);

        Assert.Equal(File.ReadAllText(Path.Combine(CorpusFixture.AppDirectory(app), "expected-policy.json")), result.Json);
    }

    [Fact]
    public async Task A_referenced_project_is_compiled_from_source_before_the_app()
    {
        var loaded = await AppProjectLoader.LoadAsync(CorpusFixture.ProjectPath("ProjectReferenceApp"), TestContext.Current.CancellationToken);

        Assert.Equal(["StorageLibrary", "ProjectReferenceApp"], loaded.Projects.Select(p => p.AssemblyName));
        Assert.Empty(loaded.Root.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task A_multi_targeted_project_is_loaded_for_its_first_target_framework()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-multi-");
        try
        {
            var project = Path.Combine(folder.FullName, "Multi.csproj");
            File.WriteAllText(project, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks></PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "Code.cs"), "#if NET10_0\npublic class OnlyOnNet10 { }\n#endif\n");

            var loaded = await AppProjectLoader.LoadAsync(project, TestContext.Current.CancellationToken);

            Assert.NotNull(loaded.Root.GetTypeByMetadataName("OnlyOnNet10"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_path_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chalice-no-such-app-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<AppProjectException>(() => AppProjectLoader.LoadAsync(missing, TestContext.Current.CancellationToken));

        // The words of Chalice.Project's AppProject, which every command finds the app with.
        Assert.Equal($"'{missing}' does not exist; pass the app's folder or its .csproj with --project-dir.", error.Message);
    }

    [Fact]
    public async Task A_folder_without_a_project_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-empty-");
        try
        {
            var error = await Assert.ThrowsAsync<AppProjectException>(() => AppProjectLoader.LoadAsync(folder.FullName, TestContext.Current.CancellationToken));

            Assert.Equal($"No .csproj in '{folder.FullName}'; run this in the app's folder, or pass the app's folder or its .csproj with --project-dir.", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_with_two_projects_asks_for_one()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-two-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "A.csproj"), "<Project />");
            File.WriteAllText(Path.Combine(folder.FullName, "B.csproj"), "<Project />");

            var error = await Assert.ThrowsAsync<AppProjectException>(() => AppProjectLoader.LoadAsync(folder.FullName, TestContext.Current.CancellationToken));

            Assert.Contains("More than one .csproj", error.Message, StringComparison.Ordinal);
            Assert.Contains("(A.csproj, B.csproj)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_project_that_does_not_restore_reports_MSBuilds_error_in_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-unrestorable-");
        try
        {
            var project = Path.Combine(folder.FullName, "Broken.csproj");
            File.WriteAllText(project, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup><PackageReference Include="Chalice.Net.No.Such.Package" Version="1.0.0" /></ItemGroup>
                </Project>
                """);

            var error = await Assert.ThrowsAsync<ProjectLoadException>(() => AppProjectLoader.LoadAsync(project, TestContext.Current.CancellationToken));

            Assert.StartsWith($"Could not load {project}: error NU1101: ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_project_file_reports_MSBuilds_error()
    {
        var folder = Directory.CreateTempSubdirectory("chalice-malformed-");
        try
        {
            var project = Path.Combine(folder.FullName, "Malformed.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">");

            var error = await Assert.ThrowsAsync<ProjectLoadException>(() => AppProjectLoader.LoadAsync(project, TestContext.Current.CancellationToken));

            Assert.Contains("error MSB4025", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
