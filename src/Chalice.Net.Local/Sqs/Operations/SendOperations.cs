using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Queues;

namespace Chalice.Local.Sqs.Operations;

/// <summary>SendMessage and SendMessageBatch. Each answers only once its messages are durable.</summary>
internal static class SendOperations
{
    public static async Task SendAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.SendMessageInput);
        var queue = call.Queue(input.QueueUrl);
        var draft = MessageValidation.Validate(queue, input.MessageBody, input.DelaySeconds, input.MessageAttributes,
            input.MessageSystemAttributes, input.MessageGroupId, input.MessageDeduplicationId, call.SenderId);
        var sent = await queue.SendAsync(draft);
        await call.WriteAsync(new SendMessageOutput
        {
            MessageId = sent.MessageId,
            MD5OfMessageBody = MessageAttributeDigest.OfBody(draft.Body),
            MD5OfMessageAttributes = MessageAttributeDigest.Of(draft.Attributes),
            MD5OfMessageSystemAttributes = MessageAttributeDigest.Of(draft.SystemAttributes),
            SequenceNumber = sent.SequenceNumber,
        }, SqsJsonContext.Default.SendMessageOutput);
    }

    /// <summary>
    /// SendMessageBatch: the batch as a whole must be valid (1 to 10 entries, distinct valid ids, all bodies together
    /// within 1 MiB); each entry then succeeds or fails on its own, reported in <c>Successful</c> and <c>Failed</c>.
    /// FIFO entries are enqueued in the order sent.
    /// </summary>
    public static async Task SendBatchAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.SendMessageBatchInput);
        var queue = call.Queue(input.QueueUrl);
        var entries = input.Entries ?? [];
        BatchEntries.Validate([.. entries.Select(e => e.Id)], "SendMessageBatchRequestEntry");
        var total = entries.Sum(e => QueueMessage.SizeOf(e.MessageBody ?? "", e.MessageAttributes));
        const int batchLimit = 1_048_576;
        if (total > batchLimit)
            throw SqsErrorException.BatchRequestTooLong(total, batchLimit);

        var failed = new List<BatchResultErrorEntry>();
        var pending = new List<(SendMessageBatchEntryInput Entry, MessageDraft Draft, Task<SentMessage> Sent)>();
        foreach (var entry in entries)
        {
            try
            {
                var draft = MessageValidation.Validate(queue, entry.MessageBody, entry.DelaySeconds, entry.MessageAttributes,
                    entry.MessageSystemAttributes, entry.MessageGroupId, entry.MessageDeduplicationId, call.SenderId);
                pending.Add((entry, draft, queue.SendAsync(draft)));
            }
            catch (SqsErrorException error)
            {
                failed.Add(BatchEntries.Failure(entry.Id!, error));
            }
        }
        // One group commit covers the whole batch.
        await Task.WhenAll(pending.Select(p => p.Sent));
        await call.WriteAsync(new SendMessageBatchOutput
        {
            Successful = [.. pending.Select(p => new SendMessageBatchResultEntry
            {
                Id = p.Entry.Id!,
                MessageId = p.Sent.Result.MessageId,
                MD5OfMessageBody = MessageAttributeDigest.OfBody(p.Draft.Body),
                MD5OfMessageAttributes = MessageAttributeDigest.Of(p.Draft.Attributes),
                MD5OfMessageSystemAttributes = MessageAttributeDigest.Of(p.Draft.SystemAttributes),
                SequenceNumber = p.Sent.Result.SequenceNumber,
            })],
            Failed = failed,
        }, SqsJsonContext.Default.SendMessageBatchOutput);
    }
}
