using System.Text;
using System.Text.Json;
using Chalice.Local.Sns.Protocol;

namespace Chalice.Local.Sns.Topics;

/// <summary>
/// Publish and PublishBatch, with Publish's rules (shared/fixtures/aws-models/sns/2010-03-31/service-2.json): a
/// non-empty message of at most 256 KiB with its attributes, a subject of at most 100 printable ASCII characters on one
/// line, a JSON message with a <c>default</c> key for <c>MessageStructure=json</c>, and a group (and deduplication id,
/// unless deduplicated by content) for FIFO topics only.
/// </summary>
internal static class PublishOperations
{
    private const int MaximumMessageBytes = 262_144;

    public static async Task PublishAsync(SnsCall call)
    {
        if (call.Parameters.Get("PhoneNumber") is not null)
            throw SnsErrorException.NotSupportedLocally("Publishing to a phone number (SMS)");
        var arn = call.Parameters.Get("TopicArn") ?? call.Parameters.Get("TargetArn")
            ?? throw SnsErrorException.InvalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
        var topic = call.Topics.Find(arn) ?? throw SnsErrorException.NotFound("Topic");
        var message = Validate(topic, call.Parameters, call.Clock);
        await call.Publisher.DeliverAsync(topic, message, call.Endpoint);
        await call.WriteAsync(SnsXml.Element("MessageId", message.MessageId));
    }

    public static async Task PublishBatchAsync(SnsCall call)
    {
        var topic = call.Topic();
        var entries = call.Parameters.List("PublishBatchRequestEntries");
        if (entries.Count == 0)
            throw SnsErrorException.EmptyBatchRequest();
        if (entries.Count > 10)
            throw SnsErrorException.TooManyEntriesInBatchRequest();
        var ids = entries.Select(e => e.Get("Id") ?? "").ToList();
        if (ids.Any(id => id.Length is 0 or > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw SnsErrorException.InvalidBatchEntryId();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            throw SnsErrorException.BatchEntryIdsNotDistinct();
        if (entries.Sum(e => Encoding.UTF8.GetByteCount(e.Get("Message") ?? "")) > MaximumMessageBytes)
            throw SnsErrorException.BatchRequestTooLong();

        var successful = new List<object>();
        var failed = new List<object>();
        foreach (var (entry, id) in entries.Zip(ids))
        {
            try
            {
                var message = Validate(topic, entry, call.Clock);
                await call.Publisher.DeliverAsync(topic, message, call.Endpoint);
                successful.Add(new object[] { SnsXml.Element("Id", id), SnsXml.Element("MessageId", message.MessageId) });
            }
            catch (SnsErrorException error)
            {
                failed.Add(new object[]
                {
                    SnsXml.Element("Id", id), SnsXml.Element("Code", error.Code), SnsXml.Element("Message", error.Message),
                    SnsXml.Element("SenderFault", "true"),
                });
            }
        }
        await call.WriteAsync(SnsXml.Members("Successful", successful), SnsXml.Members("Failed", failed));
    }

    private static PublishedMessage Validate(StoredTopic topic, QueryParameters parameters, TimeProvider clock)
    {
        var message = parameters.Get("Message");
        if (string.IsNullOrEmpty(message))
            throw SnsErrorException.InvalidParameter("Empty message");
        var subject = parameters.Get("Subject");
        if (subject is not null && (subject.Length is 0 or > 100 || subject.Any(c => c < 0x20 || c > 0x7e)))
            throw SnsErrorException.InvalidParameter("Subject");
        var jsonStructure = parameters.Get("MessageStructure") switch
        {
            null => false,
            "json" => true,
            var other => throw SnsErrorException.InvalidParameter($"MessageStructure Reason: Invalid value [{other}], must be json"),
        };
        if (jsonStructure)
            CheckJsonStructure(message);
        var attributes = Attributes(parameters);
        var size = Encoding.UTF8.GetByteCount(message) + attributes.Sum(a =>
            Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType)
            + (a.Value.BinaryValue?.Length ?? Encoding.UTF8.GetByteCount(a.Value.StringValue ?? "")));
        if (size > MaximumMessageBytes)
            throw SnsErrorException.InvalidParameter("Message too long");

        var groupId = parameters.Get("MessageGroupId");
        var deduplicationId = parameters.Get("MessageDeduplicationId");
        var fifo = topic.Attributes.GetValueOrDefault("FifoTopic") == "true";
        if (fifo)
        {
            if (string.IsNullOrEmpty(groupId))
                throw SnsErrorException.InvalidParameter("The MessageGroupId parameter is required for FIFO topics");
            if (string.IsNullOrEmpty(deduplicationId) && topic.Attributes.GetValueOrDefault("ContentBasedDeduplication") != "true")
                throw SnsErrorException.InvalidParameter(
                    "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        else if (groupId is not null || deduplicationId is not null)
        {
            throw SnsErrorException.InvalidParameter(
                $"{(groupId is not null ? "MessageGroupId" : "MessageDeduplicationId")} Reason: The request includes a parameter that is not valid for this topic type");
        }
        return new PublishedMessage(Guid.NewGuid().ToString(), message, subject, jsonStructure, attributes, groupId, deduplicationId, clock.GetUtcNow());
    }

    private static void CheckJsonStructure(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw SnsErrorException.InvalidParameter("Message Structure - JSON message body failed to parse");
            if (!document.RootElement.TryGetProperty("default", out var fallback) || fallback.ValueKind != JsonValueKind.String)
                throw SnsErrorException.InvalidParameter("Message Structure - No default entry in JSON message body");
        }
        catch (JsonException)
        {
            throw SnsErrorException.InvalidParameter("Message Structure - JSON message body failed to parse");
        }
    }

    /// <summary>Message attributes: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>, each with a value.</summary>
    private static Dictionary<string, PublishedAttribute> Attributes(QueryParameters parameters)
    {
        var attributes = new Dictionary<string, PublishedAttribute>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters.Map("MessageAttributes", "Name", "Value"))
        {
            var type = value.Get("DataType") ?? "";
            var baseType = type.Split('.', 2)[0];
            string? text = value.Get("StringValue");
            byte[]? binary = null;
            switch (baseType)
            {
                case "String" or "Number" when !string.IsNullOrEmpty(text):
                    break;
                case "Binary" when value.Get("BinaryValue") is { Length: > 0 } encoded:
                    try
                    {
                        binary = Convert.FromBase64String(encoded);
                    }
                    catch (FormatException)
                    {
                        throw SnsErrorException.ParameterValueInvalid($"The message attribute '{name}' has an invalid binary value.");
                    }
                    text = null;
                    break;
                case "String" or "Number" or "Binary":
                    throw SnsErrorException.ParameterValueInvalid($"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{baseType}'.");
                default:
                    throw SnsErrorException.ParameterValueInvalid(
                        $"The message attribute '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            attributes[name] = new PublishedAttribute(type, text, binary);
        }
        return attributes;
    }
}
