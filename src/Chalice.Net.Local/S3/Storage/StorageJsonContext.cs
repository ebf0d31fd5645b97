using System.Text.Json.Serialization;

namespace Chalice.Local.S3.Storage;

/// <summary>The JSON form of the store's records on disk, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredObject))]
[JsonSerializable(typeof(StoredBucket))]
[JsonSerializable(typeof(StoredUpload))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
