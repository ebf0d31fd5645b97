using System.Text.Json.Serialization;
using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs.Storage;

/// <summary>The JSON of the SQS stand-in's files, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredQueue))]
[JsonSerializable(typeof(JournalRecord))]
[JsonSerializable(typeof(QueueMessage))]
[JsonSerializable(typeof(string))]
internal sealed partial class SqsStorageJsonContext : JsonSerializerContext;
