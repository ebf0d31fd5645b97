using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Chalice.Generators.Tests;

/// <summary>
/// After an edit that does not touch the app, every tracked step must come from the cache; and no step may hold a
/// symbol, syntax node or compilation (which would keep old compilations alive and defeat caching).
/// </summary>
public sealed class IncrementalityTests
{
    private const string Usings = "using System.Threading.Tasks;\nusing Chalice;\nusing Microsoft.Extensions.DependencyInjection;\n";

    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.Apps, TrackingNames.JsonContexts, TrackingNames.UserEntryPoint, TrackingNames.Target, TrackingNames.AppCandidates, TrackingNames.ProjectApp,
    ];

    public static TheoryData<string> UnrelatedEdits => new()
    {
        "// a comment\n",
        "namespace Shop { public sealed class Unrelated { public int Value => 42; } }\n",
    };

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void Unrelated_edits_leave_every_step_cached(string edit)
    {
        var compilation = GeneratorHarness.Compile(Usings + SampleApps.Valid, OutputKind.ConsoleApplication);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(edit, GeneratorHarness.ParseOptions, path: "Other.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"step {name} was not tracked");
            foreach (var (_, reason) in steps.SelectMany(s => s.Outputs))
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {reason}");
        }
        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            Assert.Equal(IncrementalStepRunReason.Cached, reason);
    }

    [Fact]
    public void Editing_the_app_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Usings + SampleApps.Valid, OutputKind.ConsoleApplication);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(
            tree.GetText().Replace(tree.GetText().ToString().IndexOf("\"/time\"", StringComparison.Ordinal), 7, "\"/clock\"")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Apps].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void No_step_holds_symbols_syntax_or_compilations()
    {
        var compilation = GeneratorHarness.Compile(Usings + SampleApps.Valid, OutputKind.ConsoleApplication);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        // Roslyn's own steps inside ForAttributeWithMetadataName legitimately hold syntax; ours must not.
        var steps = s_trackedSteps.SelectMany(name => result.TrackedSteps[name]).Concat(result.TrackedOutputSteps.Values.SelectMany(s => s));
        foreach (var step in steps)
        {
            foreach (var (value, _) in step.Outputs)
                AssertHoldsNoRoslynObjects(value, step.Name ?? "(unnamed)", []);
        }
    }

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
                AssertHoldsNoRoslynObjects(item, $"{path}[{i++}]", seen);
            return;
        }
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var field in value.GetType().GetFields(all))
            AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
