using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Configuration;

internal static class ChaliceConfigValue
{
    public static string? AsString(JsonNode? node, string key, string? file) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw WrongType(key, "a string", node, file),
    };

    public static ChaliceConfigException WrongType(string key, string expected, JsonNode? actual, string? file) =>
        new($"{file ?? ChaliceConfig.RelativePath}: '{key}' must be {expected}, not {actual?.ToJsonString() ?? "null"}.");
}
