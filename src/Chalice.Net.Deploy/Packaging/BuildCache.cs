using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chalice.Deploy.Packaging;

/// <summary>
/// The last Lambda build of one flavor of an app (<c>obj/chalice/{flavor}/last-build.json</c>), reused while its
/// <see cref="BuildFingerprint"/> holds and its zip is the one it wrote. Anything unreadable is a miss, never an error.
/// </summary>
internal static class BuildCache
{
    private const string FileName = "last-build.json";

    /// <summary>The recorded package if <paramref name="current"/> matches the recorded fingerprint and the zip is intact.</summary>
    public static LambdaPackage? Find(string artifacts, BuildFingerprint current, string zipPath)
    {
        try
        {
            var path = Path.Combine(artifacts, FileName);
            if (!File.Exists(path) || !File.Exists(zipPath))
                return null;
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildCacheJsonContext.Default.CachedBuild);
            if (entry is null || entry.Fingerprint != current || entry.Package.ZipPath != zipPath || !File.Exists(entry.Package.AppAssemblyPath))
                return null;
            // The zip may have been replaced (another flavor's output dir, a user's hand): trust only the bytes recorded.
            using var zip = File.OpenRead(zipPath);
            return Convert.ToBase64String(SHA256.HashData(zip)) == entry.Package.CodeSha256 ? entry.Package : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records a build, written atomically so that an interrupted write is a miss next time.</summary>
    public static void Record(string artifacts, BuildFingerprint fingerprint, LambdaPackage package)
    {
        var path = Path.Combine(artifacts, FileName);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new CachedBuild(fingerprint, package),
            BuildCacheJsonContext.Default.CachedBuild));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Forgets the last build (before a new one starts, so that a failed build is never reused).</summary>
    public static void Forget(string artifacts)
    {
        var path = Path.Combine(artifacts, FileName);
        if (File.Exists(path)) // File.Delete throws when the folder does not exist yet (a first build)
            File.Delete(path);
    }

    internal sealed record CachedBuild(BuildFingerprint Fingerprint, LambdaPackage Package);
}

[JsonSerializable(typeof(BuildCache.CachedBuild))]
internal sealed partial class BuildCacheJsonContext : JsonSerializerContext;
