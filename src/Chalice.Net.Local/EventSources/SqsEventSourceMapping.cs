using System.Globalization;
using System.Text.Json;
using Chalice.Events;
using Chalice.Functions;
using Chalice.Local.Sqs.Queues;
using Chalice.Testing;
using Microsoft.Extensions.Logging;

namespace Chalice.Local.EventSources;

/// <summary>
/// Lambda's SQS event source mapping for one SQS handler, polling the stand-in's queue in-process
/// (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): a batch of up to the batch size, gathered for up to the
/// batching window once a first message arrives; the messages of a successful invocation are deleted, those of a failed
/// one stay to be received again after the visibility timeout (and reach the dead-letter queue after its
/// <c>maxReceiveCount</c>); a <c>batchItemFailures</c> result leaves only the messages it names, and one naming a message
/// outside the batch fails the whole batch, as Lambda does
/// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). Lambda "starts processing five
/// batches at a time with five concurrent invocations": so many pollers run here, or <c>MaximumConcurrency</c>.
/// </summary>
internal sealed class SqsEventSourceMapping : IAsyncDisposable
{
    /// <summary>Lambda's concurrent batches when the mapping sets no maximum concurrency.</summary>
    public const int DefaultConcurrency = 5;

    /// <summary>SQS's longest long poll, which Lambda's pollers use.</summary>
    private static readonly TimeSpan s_longPoll = TimeSpan.FromSeconds(20);

    private readonly FunctionDefinition _function;
    private readonly SqsSettings _settings;
    private readonly Func<QueueRegistry> _queues;
    private readonly FunctionInvocation _invoke;
    private readonly EventBuilder _events;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pollers = [];
    private int _reportedMissing;

    /// <param name="function">The SQS handler.</param>
    /// <param name="queues">The stand-in's queues (read once they are open).</param>
    /// <param name="invoke">Invokes the handler and returns its result JSON.</param>
    /// <param name="events">Builds the event's records, as Lambda shapes them.</param>
    /// <param name="logger">Where failures are logged.</param>
    public SqsEventSourceMapping(FunctionDefinition function, Func<QueueRegistry> queues, FunctionInvocation invoke, EventBuilder events, ILogger logger)
    {
        _function = function;
        _settings = (SqsSettings)function.Source!;
        _queues = queues;
        _invoke = invoke;
        _events = events;
        _logger = logger;
    }

    public string QueueName => _settings.QueueName;

    public string FunctionName => _function.Name;

    public int Concurrency => _settings.MaximumConcurrency ?? DefaultConcurrency;

    public int BatchSize => _settings.BatchSize;

    public int BatchingWindowSeconds => _settings.MaximumBatchingWindowInSeconds;

    /// <summary>Starts the pollers.</summary>
    public void Start()
    {
        for (var i = 0; i < Concurrency; i++)
            _pollers.Add(Task.Run(() => PollAsync(_stopping.Token)));
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var queue = _queues().Find(QueueName);
                if (queue is null)
                {
                    if (Interlocked.Exchange(ref _reportedMissing, 1) == 0)
                        EventSourceLog.MissingQueue(_logger, QueueName, _function.Name);
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping);
                    continue;
                }
                var batch = await ReceiveBatchAsync(queue, stopping);
                if (batch.Count > 0)
                    await ProcessAsync(queue, batch, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The queue was deleted while polling; look it up again.
            }
            catch (Exception e)
            {
                // Lambda's pollers keep polling whatever went wrong; a second later, so a fault cannot spin.
                EventSourceLog.FailureDetail(_logger, e, _function.Name);
                EventSourceLog.BatchFailed(_logger, _function.Name, 0, QueueName, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Waits for a first message, then gathers up to the batch size for up to the batching window.</summary>
    private async Task<List<Delivery>> ReceiveBatchAsync(LocalQueue queue, CancellationToken stopping)
    {
        var visibility = queue.Attribute(QueueAttributes.VisibilityTimeout);
        var batch = await queue.ReceiveAsync(Math.Min(BatchSize, 10), visibility, s_longPoll, _queues().Find, stopping);
        if (batch.Count == 0 || BatchingWindowSeconds == 0)
            return batch;
        var windowEnds = DateTimeOffset.UtcNow.AddSeconds(BatchingWindowSeconds);
        while (batch.Count < BatchSize && DateTimeOffset.UtcNow < windowEnds)
        {
            var more = await queue.ReceiveAsync(
                Math.Min(BatchSize - batch.Count, 10), visibility, windowEnds - DateTimeOffset.UtcNow, _queues().Find, stopping);
            // A visibility timeout shorter than the window lets a message come back within it: it is in the batch once,
            // with its latest receipt (AWS advises a timeout of at least six times the function's timeout plus the window).
            foreach (var delivery in more)
            {
                batch.RemoveAll(d => d.Message.Id == delivery.Message.Id);
                batch.Add(delivery);
            }
        }
        return batch;
    }

    private async Task ProcessAsync(LocalQueue queue, List<Delivery> batch, CancellationToken stopping)
    {
        var payload = LambdaEventJson.Serialize(new SqsEvent { Records = [.. batch.Select(d => Record(queue, d))] });
        byte[] result;
        try
        {
            result = await _invoke(_function, payload, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The emulator stops and the handler gave up: the batch stays in flight and is delivered again after the
            // restart (SQS is at-least-once). A handler that finishes instead has its batch deleted below.
            throw;
        }
        catch (Exception e)
        {
            EventSourceLog.FailureDetail(_logger, e, _function.Name);
            EventSourceLog.BatchFailed(_logger, _function.Name, batch.Count, QueueName, e.Message);
            return;
        }
        var failed = FailedIds(result, batch);
        if (failed is null)
            return;
        foreach (var delivery in batch)
        {
            if (!failed.Contains(delivery.Message.Id))
                queue.Delete(delivery.ReceiptHandle);
        }
    }

    /// <summary>The ids a <c>batchItemFailures</c> result names; empty for any other result; null when it names one outside the batch.</summary>
    private HashSet<string>? FailedIds(byte[] result, List<Delivery> batch)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(result);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("batchItemFailures", out var failures)
            || failures.ValueKind != JsonValueKind.Array)
            return failed;
        foreach (var failure in failures.EnumerateArray())
        {
            var id = failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("itemIdentifier", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            if (string.IsNullOrEmpty(id) || !batch.Any(d => d.Message.Id == id))
            {
                EventSourceLog.UnknownBatchItem(_logger, _function.Name, id ?? failure.GetRawText());
                return null;
            }
            failed.Add(id);
        }
        return failed;
    }

    private SqsMessage Record(LocalQueue queue, Delivery delivery)
    {
        var message = delivery.Message;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ApproximateReceiveCount"] = Text(delivery.ReceiveCount),
            ["SentTimestamp"] = Text(message.SentTimestamp),
            ["SenderId"] = message.SenderId,
            ["ApproximateFirstReceiveTimestamp"] = Text(delivery.FirstReceiveTimestamp),
        };
        if (message.SequenceNumber is { } sequence)
            attributes["SequenceNumber"] = sequence;
        if (message.GroupId is { } group)
            attributes["MessageGroupId"] = group;
        if (message.DeduplicationId is { } deduplication)
            attributes["MessageDeduplicationId"] = deduplication;
        if (message.SystemAttributes?.GetValueOrDefault("AWSTraceHeader")?.StringValue is { } trace)
            attributes["AWSTraceHeader"] = trace;
        // Lambda writes every attribute with both list members, empty when unused (shared/fixtures/events/sqs-event.json).
        var messageAttributes = (message.Attributes ?? []).ToDictionary(a => a.Key, a => new SqsMessageAttribute
        {
            DataType = a.Value.DataType,
            StringValue = a.Value.StringValue,
            BinaryValue = a.Value.BinaryValue,
            StringListValues = a.Value.StringListValues ?? [],
            BinaryListValues = a.Value.BinaryListValues ?? [],
        }, StringComparer.Ordinal);
        return _events.SqsRecord(
            message.Id, delivery.ReceiptHandle, message.Body, message.Md5OfBody, attributes, messageAttributes, message.Md5OfAttributes, queue.Arn);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_pollers);
        _stopping.Dispose();
    }
}
