using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Chalice.Generators.Tests;

/// <summary>
/// A blueprint lives in a file of its own, outside the app class the generator is keyed on: editing it must still
/// regenerate the app (the app's parse reads its registered blueprints), and the generated route table must follow.
/// </summary>
public sealed class BlueprintIncrementalityTests
{
    private const string App = """
        using Chalice;
        [ChaliceApp("a")]
        [RegisterBlueprint(typeof(Users), UrlPrefix = "/users")]
        public partial class App { [Route("/")] public string Index() => ""; }
        """;

    private const string Blueprint = """
        using Chalice;
        [Blueprint] public class Users { [Route("/list")] public string List() => ""; }
        """;

    [Fact]
    public void Editing_a_blueprint_in_another_file_regenerates_the_app()
    {
        var compilation = GeneratorHarness.Compile(App, OutputKind.ConsoleApplication)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(Blueprint, GeneratorHarness.ParseOptions, path: "Users.cs"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Users.cs");

        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Blueprint.Replace("/list", "/all", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Users.cs"));
        var result = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(result.Results.Single().TrackedSteps[TrackingNames.Apps].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("App.ChaliceApp.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("new(\"/users/all\"", generated);
        Assert.DoesNotContain("/users/list", generated);
    }
}
