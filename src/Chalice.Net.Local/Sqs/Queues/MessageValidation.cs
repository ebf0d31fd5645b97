using System.Globalization;
using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// SendMessage's rules for one message against its queue, as the SendMessage documentation states them
/// (shared/fixtures/aws-models/sqs/2012-11-05/service-2.json): a non-empty body of XML-legal characters; at most 10
/// message attributes with valid names, types and values; body and attributes within <c>MaximumMessageSize</c>; a
/// delay from 0 to 900 seconds and none per message on FIFO queues; a group id, and a deduplication id unless the
/// queue deduplicates by content, on FIFO queues.
/// </summary>
internal static class MessageValidation
{
    private const int MaximumAttributes = 10;

    /// <exception cref="SqsErrorException">The message breaks one of SQS's rules.</exception>
    public static MessageDraft Validate(
        LocalQueue queue, string? body, int? delaySeconds, Dictionary<string, WireMessageAttribute>? attributes,
        Dictionary<string, WireMessageAttribute>? systemAttributes, string? groupId, string? deduplicationId, string senderId)
    {
        if (string.IsNullOrEmpty(body))
            throw SqsErrorException.MissingParameter("MessageBody");
        if (!HasOnlyAllowedCharacters(body))
            throw SqsErrorException.InvalidMessageContents();
        ValidateAttributes(attributes);
        ValidateSystemAttributes(systemAttributes);
        var maximumSize = queue.Attribute(QueueAttributes.MaximumMessageSize);
        if (QueueMessage.SizeOf(body, attributes) > maximumSize)
            throw SqsErrorException.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"One or more parameters are invalid. Reason: Message must be shorter than {maximumSize} bytes."));
        if (delaySeconds is < 0 or > 900)
            throw SqsErrorException.InvalidParameterValue("DelaySeconds", delaySeconds, "DelaySeconds must be >= 0 and <= 900.");
        if (queue.IsFifo)
        {
            if (delaySeconds is > 0)
                throw SqsErrorException.InvalidParameterValue("DelaySeconds", delaySeconds,
                    "The request include parameter that is not valid for this queue type.");
            if (string.IsNullOrEmpty(groupId))
                throw SqsErrorException.MissingParameter("MessageGroupId");
            if (string.IsNullOrEmpty(deduplicationId) && queue.AttributeText(QueueAttributes.ContentBasedDeduplication) != "true")
                throw SqsErrorException.InvalidParameterValue(
                    "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        else if (deduplicationId is not null)
        {
            throw SqsErrorException.InvalidParameterValue("MessageDeduplicationId", deduplicationId,
                "The request include parameter that is not valid for this queue type");
        }
        return new MessageDraft(body, attributes, systemAttributes, delaySeconds ?? queue.Attribute(QueueAttributes.DelaySeconds),
            string.IsNullOrEmpty(groupId) ? null : groupId, string.IsNullOrEmpty(deduplicationId) ? null : deduplicationId, senderId);
    }

    /// <summary>The characters SQS allows: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.</summary>
    public static bool HasOnlyAllowedCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
                continue;
            }
            if (c is not ('\t' or '\n' or '\r') && (c < 0x20 || char.IsLowSurrogate(c) || c > 0xFFFD))
                return false;
        }
        return true;
    }

    private static void ValidateAttributes(Dictionary<string, WireMessageAttribute>? attributes)
    {
        if (attributes is null)
            return;
        if (attributes.Count > MaximumAttributes)
            throw SqsErrorException.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Number of message attributes [{attributes.Count}] exceeds the allowed maximum [{MaximumAttributes}]."));
        foreach (var (name, value) in attributes)
        {
            if (!IsValidName(name))
                throw SqsErrorException.InvalidParameterValue(
                    $"The message attribute name '{name}' is invalid. Attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.");
            ValidateValue(name, value, "message attribute");
        }
    }

    private static void ValidateSystemAttributes(Dictionary<string, WireMessageAttribute>? attributes)
    {
        foreach (var (name, value) in attributes ?? [])
        {
            // AWSTraceHeader is the only system attribute a sender may set (MessageSystemAttributeNameForSends).
            if (name != "AWSTraceHeader")
                throw SqsErrorException.InvalidParameterValue($"Message system attribute name '{name}' is invalid.");
            if (value.DataType != "String" || string.IsNullOrEmpty(value.StringValue))
                throw SqsErrorException.InvalidParameterValue($"Message system attribute '{name}' must be of type 'String' with a non-empty value.");
        }
    }

    private static void ValidateValue(string name, WireMessageAttribute value, string kind)
    {
        if (value.StringListValues is { Count: > 0 } || value.BinaryListValues is { Count: > 0 })
            throw SqsErrorException.UnsupportedOperation($"The {kind} '{name}': list values (reserved by SQS for future use)");
        var type = value.DataType;
        if (string.IsNullOrEmpty(type))
            throw SqsErrorException.InvalidParameterValue($"The {kind} '{name}' must contain non-empty message attribute type.");
        var baseType = type.Split('.', 2)[0];
        switch (baseType)
        {
            case "String" or "Number":
                if (string.IsNullOrEmpty(value.StringValue) || value.BinaryValue is not null)
                    throw SqsErrorException.InvalidParameterValue(
                        $"The {kind} '{name}' must contain non-empty message attribute value for message attribute type '{baseType}'.");
                if (!HasOnlyAllowedCharacters(value.StringValue))
                    throw SqsErrorException.InvalidMessageContents();
                if (baseType == "Number" && !decimal.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    && !double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    throw SqsErrorException.InvalidParameterValue($"Can't cast message attribute '{name}' value to number.");
                break;
            case "Binary":
                if (value.BinaryValue is not { Length: > 0 } || value.StringValue is not null)
                    throw SqsErrorException.InvalidParameterValue(
                        $"The {kind} '{name}' must contain non-empty message attribute value for message attribute type 'Binary'.");
                break;
            default:
                throw SqsErrorException.InvalidParameterValue(
                    $"The {kind} '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
    }

    /// <summary>
    /// Up to 256 letters, digits, <c>_</c>, <c>-</c> and <c>.</c>; not starting with <c>AWS.</c> or <c>Amazon.</c> in
    /// any casing; no leading, trailing or doubled period (ReceiveMessage's <c>MessageAttributeNames</c> documentation).
    /// </summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 256
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
        && !name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase)
        && name[0] != '.' && name[^1] != '.' && !name.Contains("..", StringComparison.Ordinal);
}
