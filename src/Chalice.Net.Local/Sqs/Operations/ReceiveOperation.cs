using System.Globalization;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs.Operations;

/// <summary>
/// ReceiveMessage: up to 10 messages, long polling up to 20 seconds, a visibility timeout for those returned, and the
/// system and message attributes asked for (ReceiveMessage documentation in
/// shared/fixtures/aws-models/sqs/2012-11-05/service-2.json).
/// </summary>
internal static class ReceiveOperation
{
    private static readonly HashSet<string> s_systemAttributeNames = new(StringComparer.Ordinal)
    {
        "All", "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SequenceNumber",
        "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn",
    };

    public static async Task ReceiveAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ReceiveMessageInput);
        var queue = call.Queue(input.QueueUrl);
        var maxMessages = input.MaxNumberOfMessages ?? 1;
        if (maxMessages is < 1 or > 10)
            throw SqsErrorException.InvalidParameterValue("MaxNumberOfMessages", maxMessages, "Must be between 1 and 10, if provided.");
        var visibility = input.VisibilityTimeout ?? queue.Attribute(QueueAttributes.VisibilityTimeout);
        if (visibility is < 0 or > 43_200)
            throw SqsErrorException.InvalidParameterValue("VisibilityTimeout", visibility, "Must be between 0 and 43200, if provided.");
        var waitSeconds = input.WaitTimeSeconds ?? queue.Attribute(QueueAttributes.ReceiveMessageWaitTimeSeconds);
        if (waitSeconds is < 0 or > 20)
            throw SqsErrorException.InvalidParameterValue("WaitTimeSeconds", waitSeconds, "Must be >= 0 and <= 20, if provided.");
        // The deprecated AttributeNames took queue attribute names; only the message system attributes among them mean anything here.
        var systemNames = (input.MessageSystemAttributeNames ?? []).Concat((input.AttributeNames ?? []).Where(s_systemAttributeNames.Contains)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in input.MessageSystemAttributeNames ?? [])
        {
            if (!s_systemAttributeNames.Contains(name))
                throw SqsErrorException.InvalidAttributeName(name);
        }
        foreach (var name in input.AttributeNames ?? [])
        {
            if (!s_systemAttributeNames.Contains(name) && !QueueAttributes.IsKnownName(name))
                throw SqsErrorException.InvalidAttributeName(name);
        }
        if (input.ReceiveRequestAttemptId is not null && queue.IsFifo)
            SqsLog.ReceiveAttemptNotDeduplicated(call.Logger, queue.Name);

        var deliveries = await queue.ReceiveAsync(maxMessages, visibility, TimeSpan.FromSeconds(waitSeconds), call.Queues.Find, call.Aborted);
        var messages = deliveries.Select(d => Describe(d, systemNames, input.MessageAttributeNames ?? [])).ToList();
        await call.WriteAsync(new ReceiveMessageOutput { Messages = messages.Count == 0 ? null : messages }, SqsJsonContext.Default.ReceiveMessageOutput);
    }

    private static ReceivedMessage Describe(Delivery delivery, HashSet<string> systemNames, List<string> attributeNames)
    {
        var message = delivery.Message;
        var all = systemNames.Contains("All");
        var system = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (value is not null && (all || systemNames.Contains(name)))
                system[name] = value;
        }
        Add("SenderId", message.SenderId);
        Add("SentTimestamp", Text(message.SentTimestamp));
        Add("ApproximateReceiveCount", Text(delivery.ReceiveCount));
        Add("ApproximateFirstReceiveTimestamp", Text(delivery.FirstReceiveTimestamp));
        Add("SequenceNumber", message.SequenceNumber);
        Add("MessageDeduplicationId", message.DeduplicationId);
        Add("MessageGroupId", message.GroupId);
        Add("AWSTraceHeader", message.SystemAttributes?.GetValueOrDefault("AWSTraceHeader")?.StringValue);
        Add("DeadLetterQueueSourceArn", message.DeadLetterQueueSourceArn);

        var attributes = SelectAttributes(message.Attributes, attributeNames);
        return new ReceivedMessage
        {
            MessageId = message.Id,
            ReceiptHandle = delivery.ReceiptHandle,
            MD5OfBody = message.Md5OfBody,
            Body = message.Body,
            Attributes = system.Count == 0 ? null : system,
            MessageAttributes = attributes,
            MD5OfMessageAttributes = MessageAttributeDigest.Of(attributes),
        };
    }

    /// <summary>The message attributes a receive asked for: <c>All</c> or <c>.*</c>, names, and prefixes such as <c>bar.*</c>.</summary>
    private static Dictionary<string, WireMessageAttribute>? SelectAttributes(Dictionary<string, WireMessageAttribute>? attributes, List<string> names)
    {
        if (attributes is null || names.Count == 0)
            return null;
        var all = names.Contains("All") || names.Contains(".*");
        var prefixes = names.Where(n => n.EndsWith(".*", StringComparison.Ordinal)).Select(n => n[..^1]).ToList();
        var selected = attributes
            .Where(a => all || names.Contains(a.Key) || prefixes.Any(p => a.Key.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return selected.Count == 0 ? null : selected;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
