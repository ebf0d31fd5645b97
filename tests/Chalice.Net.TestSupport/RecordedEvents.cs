using System.Text.Json.Nodes;

namespace Chalice.Tests;

/// <summary>
/// The request events recorded from real API Gateway deployments (<c>shared/fixtures/apigateway/recorded</c>), with
/// their member names turned back into the camelCase AWS sends (upstream re-serialised them in PascalCase).
/// </summary>
public static class RecordedEvents
{
    // Members whose values are maps keyed by data (header names, parameter names): their keys keep their case.
    private static readonly HashSet<string> s_maps = new(StringComparer.OrdinalIgnoreCase)
    {
        "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
        "pathParameters", "stageVariables", "authorizer",
    };

    private const string Folder = "apigateway/recorded/";

    /// <summary>The manifest's cases of one kind (<c>request-event</c> or <c>http-response</c>).</summary>
    public static IEnumerable<JsonObject> Cases(string kind) => AllCases().Where(c => c["kind"]!.GetValue<string>() == kind);

    /// <summary>
    /// For <c>[MemberData]</c>: the fixture paths (relative to <c>shared/fixtures</c>) of the cases of one kind, or one
    /// placeholder row when the fixtures are missing, so that the test runs and fails (CI) or skips through
    /// <see cref="SharedFixtures.Path"/>.
    /// </summary>
    public static IEnumerable<string> FilesOrPlaceholder(string kind) =>
        File.Exists(System.IO.Path.Combine(RepoPaths.SharedDir, "fixtures", Folder, "cases.json"))
            ? Cases(kind).Select(c => Folder + c["file"]!.GetValue<string>()).ToArray()
            : [Folder + "(missing)"];

    /// <summary>The manifest's entry for <paramref name="fixture"/> (a path from <see cref="FilesOrPlaceholder"/>).</summary>
    public static JsonObject Case(string fixture)
    {
        SharedFixtures.Path(fixture); // fails or skips for the placeholder
        return AllCases().Single(c => Folder + c["file"]!.GetValue<string>() == fixture);
    }

    /// <summary>The request-event cases: file name, API type (<c>rest</c>, <c>httpv1</c>, <c>httpv2</c>) and event.</summary>
    public static IReadOnlyList<(string File, string ApiType, JsonObject Event)> Load() =>
        Cases("request-event")
            .Select(c =>
            {
                var file = c["file"]!.GetValue<string>();
                var snapshot = JsonNode.Parse(SharedFixtures.ReadText(Folder + file))!;
                return (file, c["apiType"]!.GetValue<string>(), (JsonObject)CamelCase(snapshot, parent: null));
            })
            .ToArray();

    private static IEnumerable<JsonObject> AllCases() =>
        JsonNode.Parse(SharedFixtures.ReadText(Folder + "cases.json"))!["cases"]!.AsArray().Select(c => c!.AsObject());

    /// <summary>Turns PascalCase member names into camelCase, except the keys of map-valued members.</summary>
    public static JsonNode CamelCase(JsonNode node, string? parent)
    {
        if (node is JsonArray array)
            return new JsonArray(array.Select(item => item is null ? null : CamelCase(item, parent)).ToArray());
        if (node is not JsonObject obj)
            return node.DeepClone();
        var keepKeys = parent is not null && s_maps.Contains(parent);
        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            var key = keepKeys ? name : char.ToLowerInvariant(name[0]) + name[1..];
            result[key] = value is null ? null : CamelCase(value, keepKeys ? null : key);
        }
        return result;
    }
}
