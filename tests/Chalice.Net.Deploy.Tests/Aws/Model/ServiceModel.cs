using System.Text.Json;
using Chalice.Tests;

namespace Chalice.Deploy.Tests.Aws.Model;

/// <summary>A botocore service model (<c>service-2.json</c>) from shared/fixtures/aws-models.</summary>
internal sealed class ServiceModel
{
    private static readonly Dictionary<string, ServiceModel> s_cache = [];
    private readonly JsonElement _root;

    private ServiceModel(string service, JsonElement root)
    {
        Service = service;
        _root = root;
    }

    /// <summary>The botocore service name, e.g. <c>lambda</c>.</summary>
    public string Service { get; }

    public JsonElement Metadata => _root.GetProperty("metadata");

    public string Protocol => Metadata.GetProperty("protocol").GetString()!;

    public string ApiVersion => Metadata.GetProperty("apiVersion").GetString()!;

    public static ServiceModel Load(string service)
    {
        lock (s_cache)
        {
            if (s_cache.TryGetValue(service, out var cached))
                return cached;
            var folder = Directory.GetDirectories(SharedFixtures.Path($"aws-models/{service}")).Single();
            var root = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "service-2.json"))).RootElement;
            return s_cache[service] = new ServiceModel(service, root);
        }
    }

    public bool HasOperation(string name) => _root.GetProperty("operations").TryGetProperty(name, out _);

    public JsonElement Operation(string name) => _root.GetProperty("operations").GetProperty(name);

    public IEnumerable<string> OperationNames => _root.GetProperty("operations").EnumerateObject().Select(o => o.Name);

    public JsonElement Shape(string name) => _root.GetProperty("shapes").GetProperty(name);

    /// <summary>The shape a member (or list member, map key/value) reference points to.</summary>
    public JsonElement Target(JsonElement reference) => Shape(reference.GetProperty("shape").GetString()!);

    public static string TypeOf(JsonElement shape) => shape.GetProperty("type").GetString()!;

    public static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<string> Required(JsonElement structure) =>
        structure.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    public static IEnumerable<JsonProperty> Members(JsonElement structure) =>
        structure.TryGetProperty("members", out var members) ? members.EnumerateObject() : [];
}
