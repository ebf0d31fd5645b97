using System.Text.Json.Serialization;

namespace Chalice.Local.Sns.Topics;

/// <summary>The JSON of the SNS stand-in's file, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SnsState))]
internal sealed partial class SnsStorageJsonContext : JsonSerializerContext;
