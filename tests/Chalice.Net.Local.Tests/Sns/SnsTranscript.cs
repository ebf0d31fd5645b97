using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Chalice.Local.Tests.Sns;

/// <summary>
/// What the AWS CLI (and an SQS receive) observed over an SNS scenario, one line per step, with what differs between any
/// two servers masked: message ids and subscription ids become labels in order of appearance, times, signatures and
/// the URLs inside notifications are checked for presence only. The default topic policies are compared by presence:
/// AWS documents no byte form for them. moto 5.2.1 also returns an empty <c>DeliveryPolicy</c> attribute for every
/// topic, which AWS returns only once one is set; it is left out.
/// </summary>
internal sealed partial class SnsTranscript
{
    private static readonly HashSet<string> s_presenceOnly = new(StringComparer.Ordinal)
    {
        "Timestamp", "Signature", "SigningCertURL", "UnsubscribeURL", "SignatureVersion", "Policy", "EffectiveDeliveryPolicy", "RequestId",
    };

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public async Task CliAsync(string name, Uri endpoint, params string[] args)
    {
        var result = await AwsCli.RunAsync(endpoint, args);
        if (result.ExitCode != 0)
        {
            _lines.Add($"{name}: error {result.ErrorCode ?? result.Error.Trim()}");
            return;
        }
        _lines.Add($"{name}: {(result.Output.Trim().Length == 0 ? "ok" : Normalize(JsonNode.Parse(result.Output)))}");
    }

    public void Add(string name, string value) => _lines.Add($"{name}: {value}");

    public override string ToString() => string.Join('\n', _lines);

    /// <summary>A JSON document as sorted, masked text.</summary>
    public string Normalize(JsonNode? node, string? key = null)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject obj:
                return "{" + string.Join(", ", obj
                    .Where(p => !(p.Key == "DeliveryPolicy" && p.Value?.GetValue<string>() == ""))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Normalize(p.Value, p.Key)}")) + "}";
            case JsonArray array:
                return "[" + string.Join(", ", array.Select(i => Normalize(i, key)).Order(StringComparer.Ordinal)) + "]";
            default:
                var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                if (key is not null && s_presenceOnly.Contains(key))
                    return text.Length > 0 ? "<present>" : "<empty>";
                return Uuid().Replace(text, m => Label(m.Value));
        }
    }

    private string Label(string id)
    {
        if (!_labels.TryGetValue(id, out var label))
            _labels[id] = label = "id" + (_labels.Count + 1).ToString(CultureInfo.InvariantCulture);
        return label;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();
}
