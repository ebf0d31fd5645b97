using Chalice.Tests;

namespace Chalice.Cli.Tests;

public sealed class AppWorkspaceTests
{
    [Fact]
    public async Task The_policy_is_inferred_from_the_named_project_even_beside_another_one()
    {
        // Inside the repository (under obj/, which git ignores) so that the app finds the central package versions.
        var corpusApp = RepoPaths.InRepo("tests", "Chalice.Net.Policy.Tests", "Corpus", "StaticClient");
        var folder = Directory.CreateDirectory(RepoPaths.InRepo("tests", "Chalice.Net.Cli.Tests", "obj", "two-projects-" + Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var file in new[] { "StaticClient.csproj", "Archive.cs" })
                File.Copy(Path.Combine(corpusApp, file), Path.Combine(folder.FullName, file));
            File.WriteAllText(Path.Combine(folder.FullName, "Other.csproj"), "<Project />");

            var workspace = AppWorkspace.Open(Path.Combine(folder.FullName, "StaticClient.csproj"), "dev", ConfigCheck.Enforce, TextWriter.Null);
            var policy = await workspace.PolicyAsync(TextWriter.Null, TestContext.Current.CancellationToken);

            Assert.Equal(File.ReadAllText(Path.Combine(corpusApp, "expected-policy.json")), policy.Of("api_handler"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
