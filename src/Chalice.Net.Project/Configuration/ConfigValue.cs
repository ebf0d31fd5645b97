using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Chalice.Configuration;

/// <summary>
/// The values one <c>.chalice/config.json</c> setting accepts: its JSON type and its limits. <see cref="Check"/> names
/// what is wrong with a value, in words that complete "<c>"lambda_timeout" must be …</c>".
/// </summary>
internal abstract class ConfigValue
{
    /// <summary>What the setting takes, e.g. "an integer from 1 to 900 (seconds)".</summary>
    public abstract string Expected { get; }

    /// <summary>Null when <paramref name="value"/> is acceptable, else what it must be instead ("an integer …, not "x"").</summary>
    public virtual string? Check(JsonNode value) => Accepts(value) ? null : $"{Expected}, not {Shown(value)}";

    protected virtual bool Accepts(JsonNode value) => false;

    /// <summary>A string.</summary>
    public static ConfigValue String { get; } = new StringValue();

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static ConfigValue Boolean { get; } = new BooleanValue();

    /// <summary>An integer within limits (inclusive); <paramref name="unit"/> is shown with them.</summary>
    public static ConfigValue Integer(int minimum, int? maximum = null, string? unit = null) => new IntegerValue(minimum, maximum, unit);

    /// <summary>One of a few integers; <paramref name="unit"/> is shown with them.</summary>
    public static ConfigValue OneOfIntegers(IReadOnlyList<int> allowed, string? unit = null) => new OneOfIntegersValue(allowed, unit);

    /// <summary>One of a few strings.</summary>
    public static ConfigValue OneOf(params string[] allowed) => new OneOfValue(allowed);

    /// <summary>An object whose values are strings and whose names match <paramref name="namePattern"/> if given.</summary>
    public static ConfigValue StringMap(string? namePattern = null, string? patternSource = null) => new StringMapValue(namePattern, patternSource);

    /// <summary>A list of strings.</summary>
    public static ConfigValue StringList { get; } = new StringListValue();

    /// <summary>A string or a list of strings (<c>api_gateway_endpoint_vpce</c>).</summary>
    public static ConfigValue StringOrStringList { get; } = new StringOrStringListValue();

    /// <summary>
    /// An object of named fields, each with its own value; <paramref name="required"/> must be present, and a field
    /// not listed is refused, naming the nearest listed one.
    /// </summary>
    public static ConfigValue Object(IReadOnlyList<(string Name, ConfigValue Value)> fields, params string[] required) => new ObjectValue(fields, required);

    /// <summary>An object of objects (<c>stages</c>, <c>lambda_functions</c>), whose entries the validator walks.</summary>
    public static ConfigValue Sections { get; } = new SectionsValue();

    /// <summary>A value as it appears in the file, cut short.</summary>
    public static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private sealed class StringValue : ConfigValue
    {
        public override string Expected => "a string";

        protected override bool Accepts(JsonNode value) => IsString(value);
    }

    private sealed class BooleanValue : ConfigValue
    {
        public override string Expected => "true or false";

        protected override bool Accepts(JsonNode value) => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
    }

    private sealed class IntegerValue(int minimum, int? maximum, string? unit) : ConfigValue
    {
        public override string Expected
        {
            get
            {
                var limits = maximum is { } max
                    ? string.Create(CultureInfo.InvariantCulture, $"an integer from {minimum} to {max}")
                    : string.Create(CultureInfo.InvariantCulture, $"an integer of at least {minimum}");
                return unit is null ? limits : $"{limits} ({unit})";
            }
        }

        protected override bool Accepts(JsonNode value) =>
            value is JsonValue v && v.TryGetValue<int>(out var number) && number >= minimum && (maximum is null || number <= maximum);
    }

    private sealed class OneOfIntegersValue(IReadOnlyList<int> allowed, string? unit) : ConfigValue
    {
        public override string Expected =>
            $"one of {string.Join(", ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))}" + (unit is null ? "" : $" ({unit})");

        protected override bool Accepts(JsonNode value) => value is JsonValue v && v.TryGetValue<int>(out var number) && allowed.Contains(number);
    }

    private sealed class OneOfValue(string[] allowed) : ConfigValue
    {
        public override string Expected => string.Join(" or ", allowed.Select(a => $"\"{a}\""));

        protected override bool Accepts(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var text) && allowed.Contains(text, StringComparer.Ordinal);
    }

    private sealed class StringMapValue(string? namePattern, string? patternSource) : ConfigValue
    {
        private readonly Regex? _name = namePattern is null ? null : new Regex($"^(?:{namePattern})$", RegexOptions.CultureInvariant);

        public override string Expected => "an object of strings";

        public override string? Check(JsonNode value)
        {
            if (value is not JsonObject map)
                return $"{Expected}, not {Shown(value)}";
            foreach (var (name, entry) in map)
            {
                if (!IsString(entry))
                    return $"an object of strings, but \"{name}\" is {Shown(entry)}";
                if (_name is not null && !_name.IsMatch(name))
                    return $"an object whose names match {namePattern} ({patternSource}), but \"{name}\" does not";
            }
            return null;
        }
    }

    private sealed class StringListValue : ConfigValue
    {
        public override string Expected => "a list of strings";

        protected override bool Accepts(JsonNode value) => value is JsonArray list && list.All(IsString);
    }

    private sealed class StringOrStringListValue : ConfigValue
    {
        public override string Expected => "a string or a list of strings";

        protected override bool Accepts(JsonNode value) => IsString(value) || (value is JsonArray list && list.All(IsString));
    }

    private sealed class ObjectValue(IReadOnlyList<(string Name, ConfigValue Value)> fields, string[] required) : ConfigValue
    {
        public override string Expected => $"an object with {string.Join(", ", fields.Select(f => f.Name))}";

        public override string? Check(JsonNode value)
        {
            if (value is not JsonObject entries)
                return $"{Expected}, not {Shown(value)}";
            if (required.FirstOrDefault(name => !entries.ContainsKey(name)) is { } missing)
                return $"{Expected}, but \"{missing}\" is missing";
            foreach (var (name, entry) in entries)
            {
                if (fields.FirstOrDefault(f => f.Name == name).Value is not { } field)
                {
                    var nearest = NearestName.Find(name, fields.Select(f => f.Name));
                    return $"{Expected}, but \"{name}\" is not one of them{(nearest is null ? "" : $" (did you mean \"{nearest}\"?)")}";
                }
                if (entry is null)
                    return $"{Expected}, but \"{name}\" must be {field.Expected}, not null";
                if (field.Check(entry) is { } problem)
                    return $"{Expected}, but \"{name}\" must be {problem}";
            }
            return null;
        }
    }

    private sealed class SectionsValue : ConfigValue
    {
        public override string Expected => "an object of objects";

        protected override bool Accepts(JsonNode value) => value is JsonObject sections && sections.All(s => s.Value is JsonObject);
    }
}
