using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chalice.Configuration;

/// <summary>
/// One API key of a stage (<c>api_keys</c>, Chalice.Net only): the key API Gateway checks in <c>x-api-key</c> on the
/// routes with <c>ApiKeyRequired</c>. Its value is never written in the config file: AWS generates it, unless
/// <see cref="ValueEnv"/> names the environment variable that holds it at deploy time.
/// </summary>
/// <param name="Name">The key's name in the app (its API Gateway name is <c>{app}-{stage}-{name}</c>).</param>
/// <param name="ValueEnv">The environment variable holding the key's value, or null to let AWS generate one.</param>
/// <param name="LocalValue">
/// The value the emulator accepts for this key when <see cref="ValueEnv"/> is not set in its environment: a
/// development-only value, never deployed.
/// </param>
public sealed record ApiKeyConfig(string Name, string? ValueEnv, string? LocalValue);

/// <summary>A usage plan's request rate limits (<c>usage_plan.throttle</c>).</summary>
/// <param name="RateLimit">Steady-state requests per second.</param>
/// <param name="BurstLimit">The largest burst of requests.</param>
public sealed record UsagePlanThrottle(double RateLimit, int BurstLimit);

/// <summary>A usage plan's request quota (<c>usage_plan.quota</c>).</summary>
/// <param name="Limit">The requests allowed per period.</param>
/// <param name="Period"><c>DAY</c>, <c>WEEK</c> or <c>MONTH</c>.</param>
public sealed record UsagePlanQuota(int Limit, string Period);

/// <summary>
/// The usage plan a stage's API keys are bound to the stage with (<c>usage_plan</c>, Chalice.Net only): without a plan
/// that names the stage, API Gateway refuses every key.
/// </summary>
/// <param name="Throttle">The rate limits, or null for none.</param>
/// <param name="Quota">The quota, or null for none.</param>
public sealed record UsagePlanConfig(UsagePlanThrottle? Throttle, UsagePlanQuota? Quota)
{
    /// <summary>A plan with neither limit: what a stage with keys and no <c>usage_plan</c> gets.</summary>
    public static UsagePlanConfig Unlimited { get; } = new(null, null);
}

/// <summary>
/// The shapes of <c>api_keys</c> and <c>usage_plan</c>, the one place that reads them: <see cref="ApiKeysValue"/> and
/// <see cref="UsagePlanValue"/> check a value (unknown members are refused, as unknown keys are), and
/// <see cref="ReadApiKeys"/> and <see cref="ReadUsagePlan"/> turn a checked one into records.
/// </summary>
internal static class ApiKeySettings
{
    private static readonly string[] s_keyMembers = ["name", "value_env", "local_value"];
    private static readonly string[] s_planMembers = ["throttle", "quota"];
    private static readonly string[] s_throttleMembers = ["rate_limit", "burst_limit"];
    private static readonly string[] s_quotaMembers = ["limit", "period"];

    // API Gateway's QuotaPeriodType (shared/fixtures/aws-models/apigateway/2015-07-09/service-2.json).
    private static readonly string[] s_periods = ["DAY", "WEEK", "MONTH"];

    /// <summary>The keys of a checked <c>api_keys</c> value.</summary>
    public static IReadOnlyList<ApiKeyConfig> ReadApiKeys(JsonNode? value) => value is JsonArray keys
        ? [.. keys.Select(k => new ApiKeyConfig(k!["name"]!.GetValue<string>(), k["value_env"]?.GetValue<string>(), k["local_value"]?.GetValue<string>()))]
        : [];

    /// <summary>The plan of a checked <c>usage_plan</c> value, or null when there is none.</summary>
    public static UsagePlanConfig? ReadUsagePlan(JsonNode? value) => value is JsonObject plan
        ? new UsagePlanConfig(
            plan["throttle"] is JsonObject throttle
                ? new UsagePlanThrottle(throttle["rate_limit"]!.GetValue<double>(), throttle["burst_limit"]!.GetValue<int>())
                : null,
            plan["quota"] is JsonObject quota ? new UsagePlanQuota(quota["limit"]!.GetValue<int>(), quota["period"]!.GetValue<string>()) : null)
        : null;

    /// <summary><c>api_keys</c>: a list of <c>{"name", "value_env"?, "local_value"?}</c> objects with distinct names.</summary>
    public sealed class ApiKeysValue : ConfigValue
    {
        public override string Expected => """a list of {"name": ..., "value_env": ..., "local_value": ...} objects""";

        public override string? Check(JsonNode value)
        {
            if (value is not JsonArray keys)
                return $"{Expected}, not {Shown(value)}";
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"entry {i}");
                if (keys[i] is not JsonObject key)
                    return $"{Expected}, but {where} is {Shown(keys[i])}";
                if (Unknown(key, s_keyMembers) is { } unknown)
                    return $"{Expected}, but {where} has the unknown member \"{unknown}\"";
                if (!IsString(key["name"]) || key["name"]!.GetValue<string>().Length == 0)
                    return $"{Expected}, but {where} has no \"name\"";
                foreach (var member in (string[])["value_env", "local_value"])
                {
                    if (key[member] is { } text && !IsString(text))
                        return $"{Expected}, but \"{member}\" of {where} is {Shown(text)}, not a string";
                }
                if (!names.Add(key["name"]!.GetValue<string>()))
                    return $"{Expected} with distinct names, but \"{key["name"]!.GetValue<string>()}\" is there twice";
            }
            return null;
        }
    }

    /// <summary>
    /// <c>usage_plan</c>: <c>{"throttle": {"rate_limit", "burst_limit"}?, "quota": {"limit", "period"}?}</c>, both members
    /// of each given, with API Gateway's types (ThrottleSettings: a double rate and an integer burst; QuotaSettings: an
    /// integer limit and a QuotaPeriodType).
    /// </summary>
    public sealed class UsagePlanValue : ConfigValue
    {
        public override string Expected =>
            """{"throttle": {"rate_limit": <requests per second>, "burst_limit": <requests>}, "quota": {"limit": <requests>, "period": "DAY", "WEEK" or "MONTH"}}, either part optional""";

        public override string? Check(JsonNode value)
        {
            if (value is not JsonObject plan)
                return $"{Expected}, not {Shown(value)}";
            if (Unknown(plan, s_planMembers) is { } unknown)
                return $"{Expected}; \"{unknown}\" is not one of its members";
            if (plan["throttle"] is { } throttle)
            {
                if (throttle is not JsonObject limits || Unknown(limits, s_throttleMembers) is not null
                    || !(limits["rate_limit"] is JsonValue rate && rate.TryGetValue<double>(out var r) && r > 0)
                    || !(limits["burst_limit"] is JsonValue burst && burst.TryGetValue<int>(out var b) && b >= 0))
                    return $"{Expected}; \"throttle\" must have a positive \"rate_limit\" and an integer \"burst_limit\" of at least 0, not {Shown(throttle)}";
            }
            if (plan["quota"] is { } quota)
            {
                if (quota is not JsonObject q || Unknown(q, s_quotaMembers) is not null
                    || !(q["limit"] is JsonValue limit && limit.TryGetValue<int>(out var l) && l > 0)
                    || !(q["period"] is JsonValue period && period.TryGetValue<string>(out var p) && s_periods.Contains(p, StringComparer.Ordinal)))
                    return $"{Expected}; \"quota\" must have a positive integer \"limit\" and a \"period\" of \"DAY\", \"WEEK\" or \"MONTH\", not {Shown(quota)}";
            }
            return null;
        }
    }

    private static string? Unknown(JsonObject node, string[] members) => node.Select(p => p.Key).FirstOrDefault(k => !members.Contains(k, StringComparer.Ordinal));

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
