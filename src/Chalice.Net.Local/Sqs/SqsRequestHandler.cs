using System.Collections.Concurrent;
using System.Text.Json;
using Chalice.Local.Sqs.Operations;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Queues;
using Microsoft.AspNetCore.Http;

namespace Chalice.Local.Sqs;

/// <summary>
/// Serves SQS's API as AWSSDK.SQS 4 and botocore call it: AWS JSON 1.0, <c>POST /</c> with
/// <c>X-Amz-Target: AmazonSQS.{Operation}</c> and <c>Content-Type: application/x-amz-json-1.0</c>
/// (shared/fixtures/aws-models/sqs/2012-11-05/service-2.json). <see cref="SqsStandIn.StartAsync"/> runs it on its own
/// loopback port; the emulator serves it from a listener of its own host. Dispose it to write what is still queued for
/// the disk.
/// </summary>
public sealed class SqsRequestHandler : IAsyncDisposable
{
    internal const string ContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "AmazonSQS.";

    /// <summary>SQS's largest request: a batch of 1 MiB of messages, plus JSON and base64 overhead.</summary>
    private const int MaximumRequestBytes = 4 * 1024 * 1024;

    private static readonly Dictionary<string, Func<SqsCall, Task>> s_operations = new(StringComparer.Ordinal)
    {
        ["CreateQueue"] = QueueOperations.CreateAsync,
        ["GetQueueUrl"] = QueueOperations.GetUrlAsync,
        ["ListQueues"] = QueueOperations.ListAsync,
        ["GetQueueAttributes"] = QueueOperations.GetAttributesAsync,
        ["SetQueueAttributes"] = QueueOperations.SetAttributesAsync,
        ["DeleteQueue"] = QueueOperations.DeleteAsync,
        ["PurgeQueue"] = QueueOperations.PurgeAsync,
        ["TagQueue"] = QueueOperations.TagAsync,
        ["UntagQueue"] = QueueOperations.UntagAsync,
        ["ListQueueTags"] = QueueOperations.ListTagsAsync,
        ["ListDeadLetterSourceQueues"] = QueueOperations.ListDeadLetterSourcesAsync,
        ["SendMessage"] = SendOperations.SendAsync,
        ["SendMessageBatch"] = SendOperations.SendBatchAsync,
        ["ReceiveMessage"] = ReceiveOperation.ReceiveAsync,
        ["DeleteMessage"] = ReceiptOperations.DeleteAsync,
        ["DeleteMessageBatch"] = ReceiptOperations.DeleteBatchAsync,
        ["ChangeMessageVisibility"] = ReceiptOperations.ChangeVisibilityAsync,
        ["ChangeMessageVisibilityBatch"] = ReceiptOperations.ChangeVisibilityBatchAsync,
    };

    // Operations of the SQS model the stand-in answers with an explicit error rather than pretending.
    private static readonly HashSet<string> s_unsupported = new(StringComparer.Ordinal)
    {
        "AddPermission", "RemovePermission", "StartMessageMoveTask", "CancelMessageMoveTask", "ListMessageMoveTasks",
    };

    private readonly SqsStandInOptions _options;
    private readonly ConcurrentDictionary<string, bool> _reportedMissingQueues = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) the data folder named by <paramref name="options"/> and creates its known queues.</summary>
    /// <exception cref="ArgumentException">A known queue's name is not a valid SQS queue name.</exception>
    public SqsRequestHandler(SqsStandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        foreach (var name in options.KnownQueues)
        {
            if (!QueueName.IsValid(name, QueueName.LooksFifo(name)))
                throw new ArgumentException($"'{name}' is not a valid SQS queue name.", nameof(options));
        }
        _options = options;
        Queues = new QueueRegistry(options.DataDirectory, options.Region, options.AccountId, options.Clock);
        foreach (var name in options.KnownQueues)
        {
            if (Queues.Find(name) is null)
                Queues.CreateOrGet(name, QueueName.LooksFifo(name) ? new Dictionary<string, string> { ["FifoQueue"] = "true" } : null, null);
        }
    }

    /// <summary>The full path of the data folder.</summary>
    public string DataDirectory => Queues.DataDirectory;

    /// <summary>The queues, for the SNS stand-in's deliveries and the emulator's event sources.</summary>
    internal QueueRegistry Queues { get; }

    /// <summary>Serves one SQS request. Never throws for a client's mistake: errors become SQS error responses.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        try
        {
            if (!HttpMethods.IsPost(context.Request.Method))
                throw SqsErrorException.UnsupportedOperation($"{context.Request.Method} requests (SQS's JSON protocol is POST only; the query protocol)");
            if (!s_operations.TryGetValue(operation, out var execute))
            {
                throw s_unsupported.Contains(operation)
                    ? SqsErrorException.UnsupportedOperation(operation)
                    : SqsErrorException.UnknownOperation(target);
            }
            var body = await ReadBodyAsync(context);
            await execute(new SqsCall(context, body, Queues, _options.Logger));
            SqsLog.Request(_options.Logger, operation, 200, "-");
        }
        catch (ObjectDisposedException) when (!context.Response.HasStarted)
        {
            // The queue was deleted while this request used it (a long poll, say): to the client it no longer exists.
            await WriteErrorAsync(context, SqsErrorException.QueueDoesNotExist());
            SqsLog.Request(_options.Logger, operation, 400, "AWS.SimpleQueueService.NonExistentQueue");
        }
        catch (SqsErrorException error) when (!context.Response.HasStarted)
        {
            if (error.Shape == "QueueDoesNotExist")
                ReportMissingQueue(context);
            await WriteErrorAsync(context, error);
            SqsLog.Request(_options.Logger, operation, error.StatusCode, error.Code);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            SqsLog.Failure(_options.Logger, exception, operation);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            await WriteErrorAsync(context, new SqsErrorException(500, "InternalError", "InternalError",
                $"The local SQS stand-in failed: {exception.Message}"));
        }
    }

    /// <summary>Writes what is still queued for the disk and closes the journals.</summary>
    public ValueTask DisposeAsync() => Queues.DisposeAsync();

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaximumRequestBytes)
            throw RequestTooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaximumRequestBytes)
                throw RequestTooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static SqsErrorException RequestTooLarge() =>
        SqsErrorException.InvalidParameterValue("One or more parameters are invalid. Reason: the request is larger than SQS accepts.");

    /// <summary>
    /// Says, once per queue name, that the app used a queue that does not exist here, and how to declare one that
    /// exists on AWS: the stand-in never makes queues up.
    /// </summary>
    private void ReportMissingQueue(HttpContext context)
    {
        if (context.Items.TryGetValue(MissingQueueItem, out var name) && name is string queue && _reportedMissingQueues.TryAdd(queue, true))
            SqsLog.MissingQueue(_options.Logger, queue);
    }

    internal const string MissingQueueItem = "chalice.sqs.missing-queue";

    private static async Task WriteErrorAsync(HttpContext context, SqsErrorException error)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        response.ContentType = ContentType;
        response.Headers["x-amzn-query-error"] = $"{error.Code};{(error.SenderFault ? "Sender" : "Receiver")}";
        var body = new ErrorOutput { Type = "com.amazonaws.sqs#" + error.Shape, Message = error.Message };
        await JsonSerializer.SerializeAsync(response.Body, body, SqsJsonContext.Default.ErrorOutput, context.RequestAborted);
    }
}
