using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Deploy.Planning;

/// <summary>Compares IAM policy documents (checking them is <c>PolicyDocument.Validate</c>'s job).</summary>
internal static class PolicyJson
{
    /// <summary>Whether two documents are the same JSON (property order and whitespace aside).</summary>
    public static bool Same(string? left, string? right)
    {
        if (left is null || right is null)
            return left == right;
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
