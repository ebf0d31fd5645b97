using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Queues;

/// <summary>A validated message to send: <see cref="MessageValidation"/> has checked it against the queue.</summary>
internal sealed record MessageDraft(
    string Body,
    Dictionary<string, WireMessageAttribute>? Attributes,
    Dictionary<string, WireMessageAttribute>? SystemAttributes,
    int DelaySeconds,
    string? GroupId,
    string? DeduplicationId,
    string SenderId);
