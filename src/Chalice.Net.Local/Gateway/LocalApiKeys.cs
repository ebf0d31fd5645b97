using Chalice.Configuration;

namespace Chalice.Gateway;

/// <summary>
/// The API key values the emulator accepts for a stage's <c>api_keys</c>: each key's <c>value_env</c> variable, as the
/// deploy reads it, else its development-only <c>local_value</c>. A key with neither cannot be sent locally (AWS
/// generates its value on deploy), which is said once at start rather than left to a puzzling 403.
/// </summary>
internal static class LocalApiKeys
{
    /// <summary>The values of <paramref name="keys"/>.</summary>
    /// <param name="keys">The stage's keys.</param>
    /// <param name="environmentVariable">Reads an environment variable.</param>
    /// <param name="warn">Told about each key without a local value.</param>
    public static IReadOnlyCollection<string> Values(IReadOnlyList<ApiKeyConfig> keys, Func<string, string?> environmentVariable, Action<string> warn)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var value = key.ValueEnv is { } variable && environmentVariable(variable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : key.LocalValue;
            if (value is { Length: > 0 })
                values.Add(value);
            else
                warn($"the API key '{key.Name}' has no value here: set {(key.ValueEnv is { } name ? $"{name} or " : "")}its \"local_value\" in .chalice/config.json to call routes that require a key with it.");
        }
        return values;
    }
}
