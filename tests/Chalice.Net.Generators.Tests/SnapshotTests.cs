using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;

namespace Chalice.Generators.Tests;

/// <summary>
/// The source generated for tests/TestApps/TestApp (routes), tests/TestApps/EventsApp (a function of every kind) and
/// tests/TestApps/ComposedApp (middleware and blueprints) is
/// checked in under Snapshots/&lt;app&gt;, so a reviewer sees every change to generated code in a diff. When it differs the test fails with a line diff; run the tests with
/// <c>CHALICE_UPDATE_SNAPSHOTS=1</c> to rewrite the files, then review and commit them.
/// </summary>
public sealed class SnapshotTests
{
    private const string UpdateVariable = "CHALICE_UPDATE_SNAPSHOTS";

    private static string SnapshotFolderOf(string app) => Chalice.Tests.RepoPaths.InRepo("tests", "Chalice.Net.Generators.Tests", "Snapshots", app);

    [Theory]
    [InlineData("TestApp")]
    [InlineData("EventsApp")]
    [InlineData("ComposedApp")]
    public void Generated_source_of_the_test_app_matches_its_snapshot(string app)
    {
        var folder = SnapshotFolderOf(app);
        var (_, errors, run) = GeneratorHarness.Generate(GeneratorHarness.CompileTestApp(app));
        Assert.Empty(errors);
        var generated = run.Results
            .Single(r => r.Generator.GetGeneratorType() == typeof(ChaliceAppGenerator))
            .GeneratedSources
            .ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        Assert.NotEmpty(generated);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Rewrite(folder, generated);
            return;
        }

        var expected = Directory.Exists(folder)
            ? Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Normalize(File.ReadAllText(f)), StringComparer.Ordinal)
            : [];
        var report = new StringBuilder();
        foreach (var name in generated.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(name, out var want))
                report.AppendLine($"+++ {name}: generated, but has no snapshot");
            else if (!generated.TryGetValue(name, out var got))
                report.AppendLine($"--- {name}: has a snapshot, but is no longer generated");
            else if (want != got)
                report.AppendLine($"*** {name} (- snapshot, + generated)").Append(LineDiff(want, got));
        }
        Assert.True(report.Length == 0,
            $"Generated source differs from tests/Chalice.Net.Generators.Tests/Snapshots/{app}; if the change is intended, run the tests with {UpdateVariable}=1 and commit the files.\n{report}");
    }

    private static void Rewrite(string folder, Dictionary<string, string> generated)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder).Where(f => !generated.ContainsKey(Path.GetFileName(f))))
            File.Delete(stale);
        foreach (var (name, text) in generated)
            File.WriteAllText(Path.Combine(folder, name), text);
    }

    /// <summary>The changed lines with two lines of context, numbered as in the generated file.</summary>
    private static string LineDiff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var text = new StringBuilder();
        var lastShown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2))
                .Any(j => lines[j].Type != ChangeType.Unchanged);
            if (!near)
                continue;
            if (lastShown >= 0 && i > lastShown + 1)
                text.AppendLine("    ...");
            var marker = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            text.AppendLine($"{marker} {lines[i].Position?.ToString() ?? "",4} {lines[i].Text}");
            lastShown = i;
        }
        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
