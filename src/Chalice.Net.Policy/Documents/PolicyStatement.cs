using System.Text.Json.Nodes;

namespace Chalice.Policy.Documents;

/// <summary>An <c>Allow</c> statement the analyzer generated: its Sid, sorted actions and sorted resources.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources)
{
    /// <summary>The statement as IAM JSON, properties in a fixed order.</summary>
    public JsonObject ToJson() => new()
    {
        ["Sid"] = Sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(Actions.Select(a => (JsonNode?)a).ToArray()),
        ["Resource"] = new JsonArray(Resources.Select(r => (JsonNode?)r).ToArray()),
    };
}
