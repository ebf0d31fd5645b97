using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Deploy.Planning;

/// <summary>Checks and compares IAM policy documents (IAM and moto do not always reject malformed ones).</summary>
internal static class PolicyJson
{
    /// <summary>The document, when it is a JSON object with a <c>Statement</c>.</summary>
    /// <exception cref="InvalidPolicyException">It is not.</exception>
    public static string Validate(string document)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(document);
        }
        catch (JsonException e)
        {
            throw new InvalidPolicyException($"The IAM policy is not valid JSON: {e.Message.Split(" Path:", 2)[0]}");
        }
        if (node is not JsonObject policy || policy["Statement"] is not (JsonArray or JsonObject))
            throw new InvalidPolicyException("The IAM policy must be a JSON object with a \"Statement\".");
        return document;
    }

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
