using Chalice.Deploy.Aws.ApiGateway;
using Chalice.Deploy.State;

namespace Chalice.Deploy;

/// <summary>
/// What <c>deploy</c> prints about a stage's API keys: each key's name and id, which are no secret; its value only when
/// asked (<c>--show-api-keys</c>), read from API Gateway since the state file never holds it.
/// </summary>
internal static class ApiKeyReport
{
    /// <summary>One line per key of <paramref name="state"/>.</summary>
    /// <param name="state">The deployed stage.</param>
    /// <param name="values">The keys as API Gateway describes them with their values, or null to leave values out.</param>
    public static IReadOnlyList<string> Lines(DeployedState state, IReadOnlyList<ApiKey>? values) =>
        [.. state.Resources.OfType<DeployedApiKey>().OrderBy(k => k.ApiKeyName, StringComparer.Ordinal).Select(key =>
            values is null
                ? $"API key {key.ApiKeyName}: {key.ApiKeyId}"
                : $"API key {key.ApiKeyName}: {key.ApiKeyId}, value {values.FirstOrDefault(v => v.Id == key.ApiKeyId)?.Value ?? "(not found)"}")];
}
