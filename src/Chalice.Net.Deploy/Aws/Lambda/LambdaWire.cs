using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.Lambda;

// Small request and response bodies that have no public record of their own.

internal sealed record ReservedConcurrencyBody(int? ReservedConcurrentExecutions);

internal sealed record TagsBody(IReadOnlyDictionary<string, string>? Tags);

internal sealed record AddPermissionResult(string? Statement);

internal sealed record GetPolicyResult(string? Policy, string? RevisionId);

internal sealed record ListEventSourceMappingsResult(IReadOnlyList<EventSourceMapping>? EventSourceMappings, string? NextMarker);

/// <summary>Source-generated JSON metadata for Lambda's wire types (member names are the Lambda API's).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LambdaFunction))]
[JsonSerializable(typeof(LambdaFunctionConfiguration))]
[JsonSerializable(typeof(CreateFunctionRequest))]
[JsonSerializable(typeof(UpdateFunctionCodeRequest))]
[JsonSerializable(typeof(UpdateFunctionConfigurationRequest))]
[JsonSerializable(typeof(AddPermissionRequest))]
[JsonSerializable(typeof(ReservedConcurrencyBody))]
[JsonSerializable(typeof(TagsBody))]
[JsonSerializable(typeof(AddPermissionResult))]
[JsonSerializable(typeof(GetPolicyResult))]
[JsonSerializable(typeof(EventSourceMapping))]
[JsonSerializable(typeof(CreateEventSourceMappingRequest))]
[JsonSerializable(typeof(UpdateEventSourceMappingRequest))]
[JsonSerializable(typeof(ListEventSourceMappingsResult))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
