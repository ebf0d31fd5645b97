using System.Text.RegularExpressions;

namespace Chalice.Tests;

/// <summary>
/// docs/architecture.md is a map: readers follow its backticked paths and type names to the code. A rename must break
/// this test, not the reader. A backticked token whose first segment is an entry at the repository's root is a path
/// and must exist; one shaped like a C# type name (<c>Name</c>, <c>Name&lt;T&gt;</c>, <c>Name.Member</c>) must be
/// declared in a source file under src/, tools/ or tests/, and its member named in one of the files declaring it.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly string[] s_sourceRoots = ["src", "tools", "tests"];

    [Fact]
    public void Every_repository_path_in_the_architecture_doc_exists()
    {
        var missing = DocReferences.Paths(ArchitectureDoc()).Where(path => !PathExists(path)).ToArray();

        Assert.True(missing.Length == 0, "docs/architecture.md names paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_type_in_the_architecture_doc_is_declared_in_the_repository()
    {
        var sources = SourceIndex.Load();

        var missing = DocReferences.Types(ArchitectureDoc()).Where(type => !sources.Declares(type)).ToArray();

        Assert.True(missing.Length == 0,
            "docs/architecture.md names types or members no source file under src/, tools/ or tests/ declares " +
            "(write names from .NET, Roslyn or AWS without backticks): " + string.Join(", ", missing));
    }

    [Fact]
    public void A_renamed_path_type_or_member_is_reported()
    {
        const string doc = """
            `src/Chalice.Net/Hosting/ChaliceDispatcher.cs` and `src/Chalice.Net/Hosting/ChaliceDispatcherRenamed.cs`;
            `ChaliceDispatcher.InvokeAsync`, `ChaliceDispatcher.InvokeRenamedAsync`, `ChaliceDispatcherRenamed`, `Ref<T>`;
            not checked: `.chalice/config.json`, `api_handler`, `--dry-run`, `CHALICE009`, `{App}.ChaliceApp.g.cs`.
            """;
        var sources = SourceIndex.Load();

        var missingPaths = DocReferences.Paths(doc).Where(path => !PathExists(path));
        var missingTypes = DocReferences.Types(doc).Where(type => !sources.Declares(type));

        Assert.Equal(["src/Chalice.Net/Hosting/ChaliceDispatcherRenamed.cs"], missingPaths);
        Assert.Equal(["ChaliceDispatcher.InvokeRenamedAsync", "ChaliceDispatcherRenamed"], missingTypes);
    }

    private static string ArchitectureDoc() => File.ReadAllText(RepoPaths.InRepo("docs", "architecture.md"));

    private static bool PathExists(string path)
    {
        var full = RepoPaths.InRepo(path.TrimEnd('/').Split('/'));
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary>The backticked tokens of a Markdown text, read as repository paths or type names.</summary>
    private static partial class DocReferences
    {
        public static IEnumerable<string> Paths(string markdown)
        {
            var rootEntries = Directory.EnumerateFileSystemEntries(RepoPaths.Root)
                .Select(Path.GetFileName)
                .Where(name => name is not null && !name.StartsWith('.'))
                .ToHashSet(StringComparer.Ordinal);
            return CodeSpans(markdown).Where(span => rootEntries.Contains(span.Split('/')[0])).Distinct();
        }

        public static IEnumerable<string> Types(string markdown) =>
            CodeSpans(markdown).Where(span => TypeName().Match(span) is { Success: true } match && match.Groups["type"].Value.Any(char.IsLower)).Distinct();

        private static IEnumerable<string> CodeSpans(string markdown) =>
            CodeSpan().Matches(FencedBlock().Replace(markdown, "")).Select(m => m.Groups[1].Value.Trim());

        [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
        private static partial Regex FencedBlock();

        [GeneratedRegex(@"`([^`\n]+)`")]
        private static partial Regex CodeSpan();

        [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z0-9]*)(<[A-Za-z, ]+>)?(\.(?<member>[A-Z][A-Za-z0-9]*))?$")]
        internal static partial Regex TypeName();
    }

    /// <summary>The types declared in the repository's C# files, each with the text of the files declaring it.</summary>
    private sealed partial class SourceIndex(ILookup<string, string> declaringSources)
    {
        public static SourceIndex Load()
        {
            var sources = s_sourceRoots
                .SelectMany(root => Directory.EnumerateFiles(RepoPaths.InRepo(root), "*.cs", SearchOption.AllDirectories))
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .Select(File.ReadAllText);
            return new SourceIndex(sources
                .SelectMany(source => Declaration().Matches(source).Select(m => (Type: m.Groups["type"].Value, Source: source)))
                .Distinct()
                .ToLookup(d => d.Type, d => d.Source, StringComparer.Ordinal));
        }

        /// <summary>
        /// Whether a type (or <c>Type.Member</c>) is declared: a class, struct, interface, enum, record or delegate of
        /// that name (or that name plus <c>Attribute</c>), and the member named in a file that declares the type.
        /// </summary>
        public bool Declares(string reference)
        {
            var match = DocReferences.TypeName().Match(reference);
            var type = match.Groups["type"].Value;
            var declaring = declaringSources[type].Concat(declaringSources[type + "Attribute"]).ToArray();
            var member = match.Groups["member"];
            return declaring.Length > 0
                   && (!member.Success || declaring.Any(source => Regex.IsMatch(source, $@"\b{Regex.Escape(member.Value)}\b")));
        }

        [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?<type>[A-Z]\w*)[\s<({:;]|\bdelegate\b[^;(]*\s(?<type>[A-Z]\w*)\s*[<(]")]
        private static partial Regex Declaration();
    }
}
