using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.Sqs;

// SQS's request and response bodies, named as in its model.

internal sealed record GetQueueUrlInput(string QueueName, string? QueueOwnerAWSAccountId);

internal sealed record GetQueueUrlOutput(string? QueueUrl);

internal sealed record GetQueueAttributesInput(string QueueUrl, IReadOnlyList<string> AttributeNames);

internal sealed record GetQueueAttributesOutput(IReadOnlyDictionary<string, string>? Attributes);

/// <summary>Source-generated JSON metadata for SQS's wire types (member names as in its model).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetQueueUrlInput))]
[JsonSerializable(typeof(GetQueueUrlOutput))]
[JsonSerializable(typeof(GetQueueAttributesInput))]
[JsonSerializable(typeof(GetQueueAttributesOutput))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
