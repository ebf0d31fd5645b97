using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Chalice.Local.Tests.Sqs;

/// <summary>
/// What a client observed over a sequence of SQS operations, one line per step, holding only what must agree between
/// two servers. Message ids and sequence numbers become labels in order of first appearance (m1, m2, s1, …), so that
/// "the same message" and "a later sequence number" still compare; receipt handles, times, request ids and the
/// endpoint's host and port are left out or masked.
/// </summary>
internal sealed class SqsTranscript(Uri endpoint)
{
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly string _authority = endpoint.Authority;

    /// <summary>Records the description <paramref name="action"/> returns, or the SQS error it failed with.</summary>
    public async Task StepAsync(string name, Func<Task<string>> action)
    {
        try
        {
            _lines.Add($"{name}: {await action()}");
        }
        catch (AmazonSQSException e)
        {
            _lines.Add($"{name}: error {(int)e.StatusCode} {e.ErrorCode} {e.GetType().Name}");
        }
    }

    /// <summary>Records a step whose status alone is compared (the call succeeded or failed with a code).</summary>
    public Task StepAsync(string name, Func<Task<Amazon.Runtime.AmazonWebServiceResponse>> action) =>
        StepAsync(name, async () => $"{(int)(await action()).HttpStatusCode}");

    public void Note(string line) => _lines.Add(line);

    public override string ToString() => string.Join('\n', _lines);

    public string Url(string? url) => url?.Replace(_authority, "<endpoint>", StringComparison.Ordinal) ?? "-";

    public string Label(string? id, string prefix = "m")
    {
        if (id is null)
            return "-";
        if (!_labels.TryGetValue(id, out var label))
            _labels[id] = label = prefix + (_labels.Values.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1).ToString(CultureInfo.InvariantCulture);
        return label;
    }

    public string Describe(SendMessageResponse r) =>
        $"{(int)r.HttpStatusCode} id={Label(r.MessageId)} md5body={r.MD5OfMessageBody} md5attrs={r.MD5OfMessageAttributes ?? "-"} seq={Label(r.SequenceNumber, "s")}";

    public string Describe(SendMessageBatchResponse r) =>
        $"{(int)r.HttpStatusCode} ok=[{string.Join(" ", (r.Successful ?? []).Select(s => $"{s.Id}:{Label(s.MessageId)}:{s.MD5OfMessageBody}:{s.MD5OfMessageAttributes ?? "-"}:{Label(s.SequenceNumber, "s")}"))}] " +
        $"failed=[{string.Join(" ", (r.Failed ?? []).Select(f => $"{f.Id}:{f.Code}:{f.SenderFault}"))}]";

    public string Describe(DeleteMessageBatchResponse r) =>
        $"{(int)r.HttpStatusCode} ok=[{string.Join(" ", (r.Successful ?? []).Select(s => s.Id))}] failed=[{string.Join(" ", (r.Failed ?? []).Select(f => $"{f.Id}:{f.Code}:{f.SenderFault}"))}]";

    public string Describe(ChangeMessageVisibilityBatchResponse r) =>
        $"{(int)r.HttpStatusCode} ok=[{string.Join(" ", (r.Successful ?? []).Select(s => s.Id))}] failed=[{string.Join(" ", (r.Failed ?? []).Select(f => $"{f.Id}:{f.Code}:{f.SenderFault}"))}]";

    public string Describe(ReceiveMessageResponse r) =>
        $"{(int)r.HttpStatusCode} [{string.Join(" | ", (r.Messages ?? []).Select(Describe))}]";

    public string Describe(Message m) =>
        $"{Label(m.MessageId)} body={Body(m.Body)} md5={m.MD5OfBody} attrs={Attributes(m.Attributes)} " +
        $"mattrs={MessageAttributes(m.MessageAttributes)} md5attrs={m.MD5OfMessageAttributes ?? "-"}";

    public string Describe(GetQueueAttributesResponse r) =>
        $"{(int)r.HttpStatusCode} {string.Join(" ", (r.Attributes ?? []).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={QueueAttribute(a.Key, a.Value)}"))}";

    private static string Body(string body) => body.Length <= 60 ? $"'{body}'" : $"{body.Length} chars";

    private string Attributes(Dictionary<string, string>? attributes) =>
        attributes is null ? "-" : string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={SystemAttribute(a.Key, a.Value)}"));

    private string SystemAttribute(string name, string value) => name switch
    {
        // Times and the sender's identity differ between any two servers; that they are there is what compares.
        "SentTimestamp" or "ApproximateFirstReceiveTimestamp" => long.Parse(value, CultureInfo.InvariantCulture) > 1_600_000_000_000 ? "<time>" : value,
        "SenderId" => "<sender>",
        "SequenceNumber" => Label(value, "s"),
        "DeadLetterQueueSourceArn" => value,
        _ => value,
    };

    private static string MessageAttributes(Dictionary<string, MessageAttributeValue>? attributes) =>
        attributes is null ? "-" : string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a =>
            $"{a.Key}:{a.Value.DataType}:{a.Value.StringValue ?? (a.Value.BinaryValue is { } b ? Convert.ToBase64String(b.ToArray()) : "-")}"));

    private static string QueueAttribute(string name, string value) => name switch
    {
        "CreatedTimestamp" or "LastModifiedTimestamp" => "<time>",
        // The policy is JSON; compare what it says, not its spacing.
        "RedrivePolicy" => string.Join(";", JsonDocument.Parse(value).RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}")),
        _ => value,
    };
}
