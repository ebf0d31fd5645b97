using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>
/// One object of <c>.chalice/config.json</c> that settings are looked up in (the top level, a stage, a function's
/// overrides), with where it is, for messages.
/// </summary>
/// <param name="Node">The object, or null when the file does not have it.</param>
/// <param name="Location">Its path in the file (<c>stages.dev</c>), empty for the top level.</param>
internal readonly record struct ConfigLevel(JsonObject? Node, string Location)
{
    /// <summary>" in stages.dev", or nothing for the top level: completes a message about a key.</summary>
    public string Where => Location.Length == 0 ? "" : $" in {Location}";

    /// <summary>The setting's value at this level, null when absent (JSON null is absent too, as in Chalice).</summary>
    /// <exception cref="ChaliceConfigException">The value is not one the setting takes.</exception>
    public JsonNode? Read(ConfigSetting setting, string file)
    {
        if (Node?[setting.Name] is not { } value)
            return null;
        return setting.Value.Check(value) is { } expected
            ? throw new ChaliceConfigException($"{file}: {InvalidValue(setting, expected)}")
            : value;
    }

    /// <summary>The message for a value the setting does not take.</summary>
    public string InvalidValue(ConfigSetting setting, string expected) => $"\"{setting.Name}\"{Where} must be {expected}";
}
