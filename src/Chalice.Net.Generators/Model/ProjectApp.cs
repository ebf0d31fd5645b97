using System.Collections.Immutable;
using System.Linq;

namespace Chalice.Generators.Model;

/// <summary>A class marked <c>[ChaliceApp]</c>, and its model when code can be generated for it.</summary>
internal sealed record AppCandidate(string ClassName, AppModel? Model);

/// <summary>
/// The project's one app, or why it has none although it marks classes <c>[ChaliceApp]</c> (then <c>Main</c> still
/// exists and says so, instead of the compiler adding CS5001 to the CHALICE errors).
/// </summary>
internal sealed record ProjectApp(AppModel? App, string? Problem)
{
    public static ProjectApp From(ImmutableArray<AppCandidate> candidates)
    {
        if (candidates.Length == 1 && candidates[0].Model is { } app)
            return new ProjectApp(app, null);
        if (candidates.Length == 0)
            return new ProjectApp(null, null);
        var names = string.Join(", ", candidates.Select(c => c.ClassName).OrderBy(n => n, System.StringComparer.Ordinal));
        return new ProjectApp(null, candidates.Length > 1
            ? $"This project has {candidates.Length} [ChaliceApp] classes ({names}); a project holds one app"
            : $"The [ChaliceApp] class '{names}' could not be compiled into an app");
    }
}
