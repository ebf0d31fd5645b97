using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Deploy.Templates;

/// <summary>
/// Merges a user's template into the generated one (<c>package --merge-template</c>) as Chalice's TemplateDeepMerger
/// does (chalice/package.py): where both have an object, their keys merge, recursively; anywhere else the user's value
/// wins whole (a list replaces the generated list, a scalar the generated object). So a merge file can add resources
/// and outputs, add or change one property of a generated resource, or replace a value outright.
/// </summary>
internal static class TemplateMerge
{
    /// <summary>The merged template; neither input is changed.</summary>
    public static JsonObject Merge(JsonObject user, JsonObject generated) => (JsonObject)Merge((JsonNode)user, generated)!;

    /// <summary>Reads a merge template: YAML for <c>.yaml</c>/<c>.yml</c>, else JSON, as Chalice tells them apart.</summary>
    /// <exception cref="InvalidDataException">The file does not exist or is not a template.</exception>
    public static JsonObject Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidDataException($"Cannot find the template to merge: {path}");
        var text = File.ReadAllText(path);
        if (IsYaml(path))
            return CloudFormationYaml.Read(text, path);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"{path} must hold a JSON object (a template).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid JSON template: {e.Message.Split(" Path:", 2)[0]}");
        }
    }

    /// <summary>Whether a template file is YAML by its extension (Chalice's YAMLTemplateSerializer.is_yaml_template).</summary>
    public static bool IsYaml(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";

    private static JsonNode? Merge(JsonNode? user, JsonNode? generated)
    {
        if (user is not JsonObject userObject || generated is not JsonObject generatedObject)
            return user?.DeepClone();
        var merged = (JsonObject)generatedObject.DeepClone();
        foreach (var (key, value) in userObject)
            merged[key] = Merge(value, generatedObject[key]);
        return merged;
    }
}
