using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// The last IAM policies inferred for the functions of a stage of an app (<c>obj/chalice/policy-{stage}.json</c>), reused while the app's
/// sources (its code, its projects' and <c>.chalice/</c>'s files: the config and policy files) are unchanged, which
/// spares a deploy the analysis (loading the project into Roslyn takes seconds). Anything unreadable is a miss.
/// </summary>
internal static class PolicyCache
{
    /// <summary>Each function's policy and the analysis warnings, or null when the stage's sources changed since.</summary>
    public static (IReadOnlyDictionary<string, string> Policies, IReadOnlyList<string> Warnings)? Find(string projectDirectory, string stage, string sources)
    {
        try
        {
            var path = PathOf(projectDirectory, stage);
            if (!File.Exists(path))
                return null;
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), PolicyCacheJsonContext.Default.CachedPolicy);
            return entry is { Policies: not null } && entry.Sources == sources ? (entry.Policies, entry.Warnings) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records the policies inferred from <paramref name="sources"/> (the fingerprint taken before the analysis).</summary>
    public static void Record(
        string projectDirectory, string stage, string sources, IReadOnlyDictionary<string, string> policies, IReadOnlyList<string> warnings)
    {
        var path = PathOf(projectDirectory, stage);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new CachedPolicy(sources, policies, warnings), PolicyCacheJsonContext.Default.CachedPolicy));
        File.Move(temporary, path, overwrite: true);
    }

    private static string PathOf(string projectDirectory, string stage) =>
        Path.Combine(projectDirectory, "obj", "chalice", $"policy-{stage}.json");

    /// <summary>One entry; <c>Policies</c> is null in an entry written before each function had its own (a miss).</summary>
    internal sealed record CachedPolicy(string Sources, IReadOnlyDictionary<string, string>? Policies, IReadOnlyList<string> Warnings);
}

[JsonSerializable(typeof(PolicyCache.CachedPolicy))]
internal sealed partial class PolicyCacheJsonContext : JsonSerializerContext;
