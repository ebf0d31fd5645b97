using System.Text.Json.Serialization;

namespace Chalice.Deploy.Aws.EventBridge;

// EventBridge's request and response bodies, named as in its model (PascalCase members, tags as Key/Value lists).

internal sealed record Tag(string Key, string Value);

internal sealed record PutRuleInput(
    string Name, string? ScheduleExpression, string? EventPattern, string? State, string? Description, IReadOnlyList<Tag>? Tags);

internal sealed record PutRuleOutput(string? RuleArn);

internal sealed record RuleNameInput(string Name);

internal sealed record PutTargetsInput(string Rule, IReadOnlyList<EventBridgeTarget> Targets);

internal sealed record RemoveTargetsInput(string Rule, IReadOnlyList<string> Ids);

internal sealed record FailedEntry(string? TargetId, string? ErrorCode, string? ErrorMessage);

internal sealed record TargetsOutput(int? FailedEntryCount, IReadOnlyList<FailedEntry>? FailedEntries);

internal sealed record ListTargetsByRuleInput(string Rule, string? NextToken);

internal sealed record ListTargetsByRuleOutput(IReadOnlyList<EventBridgeTarget>? Targets, string? NextToken);

internal sealed record ListRulesInput(string? NamePrefix, string? NextToken);

internal sealed record ListRulesOutput(IReadOnlyList<EventBridgeRule>? Rules, string? NextToken);

internal sealed record TagResourceInput(string ResourceARN, IReadOnlyList<Tag> Tags);

internal sealed record ResourceArnInput(string ResourceARN);

internal sealed record ListTagsOutput(IReadOnlyList<Tag>? Tags);

/// <summary>Source-generated JSON metadata for EventBridge's wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutRuleInput))]
[JsonSerializable(typeof(PutRuleOutput))]
[JsonSerializable(typeof(RuleNameInput))]
[JsonSerializable(typeof(EventBridgeRule))]
[JsonSerializable(typeof(PutTargetsInput))]
[JsonSerializable(typeof(RemoveTargetsInput))]
[JsonSerializable(typeof(TargetsOutput))]
[JsonSerializable(typeof(ListTargetsByRuleInput))]
[JsonSerializable(typeof(ListTargetsByRuleOutput))]
[JsonSerializable(typeof(ListRulesInput))]
[JsonSerializable(typeof(ListRulesOutput))]
[JsonSerializable(typeof(TagResourceInput))]
[JsonSerializable(typeof(ResourceArnInput))]
[JsonSerializable(typeof(ListTagsOutput))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
