using Chalice.Deploy.Building;

namespace Chalice.Deploy.Tests.Building;

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
        Assert.Equal($"The project directory '{missing}' does not exist.", Assert.Throws<AppProjectException>(() => AppProject.Find(missing)).Message);
        Assert.StartsWith("No .csproj in", Assert.Throws<AppProjectException>(() => AppProject.Find(_folder)).Message, StringComparison.Ordinal);
        var readme = Touch("README.md");
        Assert.StartsWith($"'{readme}' is not a .csproj file", Assert.Throws<AppProjectException>(() => AppProject.Find(readme)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "<Project />");
        return path;
    }
}
