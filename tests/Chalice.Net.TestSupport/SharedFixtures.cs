using System.Diagnostics;

namespace Chalice.Tests;

/// <summary>
/// Access to the third-party oracles in <c>../shared/fixtures</c> (and the rule for every other prerequisite: tools,
/// peers). Under <c>CI=true</c> a missing one fails the test; on a developer's clone the test is skipped with a message
/// saying why.
/// </summary>
public static class SharedFixtures
{
    private static bool IsCI =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of a fixture file or folder, relative to <c>shared/fixtures</c>.</summary>
    public static string Path(string relative)
    {
        var full = System.IO.Path.Combine(RepoPaths.SharedDir, "fixtures", relative);
        if (File.Exists(full) || Directory.Exists(full))
            return full;

        var message = $"Fixture '{relative}' not found at {full}. Check out the shared fixtures beside the repository " +
                      "or point CHALICE_SHARED_DIR at them.";
        throw Unavailable(message);
    }

    /// <summary>
    /// A prerequisite is missing: fails the test under <c>CI=true</c>, else skips it. Always throws; written
    /// <c>throw SharedFixtures.Unavailable(...)</c> so the compiler knows.
    /// </summary>
    public static Exception Unavailable(string message)
    {
        if (IsCI)
            Assert.Fail(message);
        Assert.Skip(message);
        return new UnreachableException();
    }

    public static string ReadText(string relative) => File.ReadAllText(Path(relative));

    /// <summary>
    /// For <c>[MemberData]</c>: the files of a fixture folder, or one placeholder row when the folder is missing so
    /// that the test body runs and fails (CI) or skips (developer clone) through <see cref="Path"/>.
    /// </summary>
    public static IEnumerable<string> ListOrPlaceholder(string relativeDir, string pattern)
    {
        var full = System.IO.Path.Combine(RepoPaths.SharedDir, "fixtures", relativeDir);
        if (!Directory.Exists(full))
            return [System.IO.Path.Combine(relativeDir, "(missing)")];
        return Directory.EnumerateFiles(full, pattern, SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(System.IO.Path.Combine(RepoPaths.SharedDir, "fixtures"), f))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
