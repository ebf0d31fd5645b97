using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Tests;

/// <summary>Structural JSON comparison for fixture tests.</summary>
public static class JsonAssert
{
    /// <summary>
    /// Asserts two documents are equal, treating a missing member and a null member as the same and numbers by value.
    /// Members whose dot path is in <paramref name="ignore"/> are skipped.
    /// </summary>
    public static void EquivalentIgnoringNulls(JsonNode? expected, JsonNode? actual, IReadOnlySet<string>? ignore = null, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(IsNullish(expected) && IsNullish(actual), $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
            return;
        }
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                var names = expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key));
                foreach (var name in names)
                {
                    var childPath = path == "$" ? name : $"{path}.{name}";
                    if (ignore?.Contains(childPath) == true)
                        continue;
                    EquivalentIgnoringNulls(expectedObject[name], actualObject[name], ignore, childPath);
                }
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                    EquivalentIgnoringNulls(expectedArray[i], actualArray[i], ignore, $"{path}[{i}]");
                break;
            default:
                var e = expected.AsValue();
                var a = actual.AsValue();
                if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
                    Assert.True(e.GetValue<decimal>() == a.GetValue<decimal>(), $"{path}: expected {e}, got {a}");
                else
                    Assert.True(JsonNode.DeepEquals(e, a), $"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}");
                break;
        }
    }

    private static bool IsNullish(JsonNode? node) => node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);
}
