using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Operations;

/// <summary>The operations that act on a received message through its receipt handle.</summary>
internal static class ReceiptOperations
{
    public static async Task DeleteAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.DeleteMessageInput);
        var queue = call.Queue(input.QueueUrl);
        if (string.IsNullOrEmpty(input.ReceiptHandle))
            throw SqsErrorException.MissingParameter("ReceiptHandle");
        queue.Delete(input.ReceiptHandle);
        await call.WriteEmptyAsync();
    }

    public static async Task DeleteBatchAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ReceiptBatchInput);
        var queue = call.Queue(input.QueueUrl);
        var entries = input.Entries ?? [];
        BatchEntries.Validate([.. entries.Select(e => e.Id)], "DeleteMessageBatchRequestEntry");
        var successful = new List<BatchEntryId>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in entries)
        {
            try
            {
                queue.Delete(entry.ReceiptHandle ?? throw SqsErrorException.MissingParameter("ReceiptHandle"));
                successful.Add(new BatchEntryId { Id = entry.Id! });
            }
            catch (SqsErrorException error)
            {
                failed.Add(BatchEntries.Failure(entry.Id!, error));
            }
        }
        await call.WriteAsync(new IdBatchOutput { Successful = successful, Failed = failed }, SqsJsonContext.Default.IdBatchOutput);
    }

    public static async Task ChangeVisibilityAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ChangeMessageVisibilityInput);
        var queue = call.Queue(input.QueueUrl);
        if (string.IsNullOrEmpty(input.ReceiptHandle))
            throw SqsErrorException.MissingParameter("ReceiptHandle");
        queue.ChangeVisibility(input.ReceiptHandle, ValidTimeout(input.VisibilityTimeout));
        await call.WriteEmptyAsync();
    }

    public static async Task ChangeVisibilityBatchAsync(SqsCall call)
    {
        var input = call.Read(SqsJsonContext.Default.ReceiptBatchInput);
        var queue = call.Queue(input.QueueUrl);
        var entries = input.Entries ?? [];
        BatchEntries.Validate([.. entries.Select(e => e.Id)], "ChangeMessageVisibilityBatchRequestEntry");
        var successful = new List<BatchEntryId>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in entries)
        {
            try
            {
                queue.ChangeVisibility(entry.ReceiptHandle ?? throw SqsErrorException.MissingParameter("ReceiptHandle"), ValidTimeout(entry.VisibilityTimeout));
                successful.Add(new BatchEntryId { Id = entry.Id! });
            }
            catch (SqsErrorException error)
            {
                failed.Add(BatchEntries.Failure(entry.Id!, error));
            }
        }
        await call.WriteAsync(new IdBatchOutput { Successful = successful, Failed = failed }, SqsJsonContext.Default.IdBatchOutput);
    }

    private static int ValidTimeout(int? seconds) => seconds switch
    {
        null => throw SqsErrorException.MissingParameter("VisibilityTimeout"),
        < 0 or > 43_200 => throw SqsErrorException.InvalidParameterValue("VisibilityTimeout", seconds, "Must be between 0 and 43200, if provided."),
        _ => seconds.Value,
    };
}
