using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Storage;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// The stand-in's queues by name, loaded from and kept in a <see cref="QueueStore"/>. Creating and deleting queues is
/// serialized; everything else goes to the <see cref="LocalQueue"/> itself.
/// </summary>
internal sealed class QueueRegistry : IAsyncDisposable
{
    /// <summary>SQS refuses to recreate a queue for 60 seconds after deleting it (CreateQueue documentation).</summary>
    private const long RecreateDelayMilliseconds = 60_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deletedAt = new(StringComparer.Ordinal);
    private readonly QueueStore _store;
    private readonly TimeProvider _clock;

    public QueueRegistry(string dataDirectory, string region, string accountId, TimeProvider clock)
    {
        _store = new QueueStore(dataDirectory);
        _clock = clock;
        Region = region;
        AccountId = accountId;
        foreach (var settings in _store.Load())
        {
            var journal = QueueJournal.Open(_store.JournalPath(settings.Name), out var history);
            var queue = new LocalQueue(settings, ArnOf(settings.Name), journal, history, clock);
            queue.Compact();
            _queues[settings.Name] = queue;
        }
    }

    public string Region { get; }
    public string AccountId { get; }
    public string DataDirectory => _store.Root;

    public string ArnOf(string name) => $"arn:aws:sqs:{Region}:{AccountId}:{name}";

    public LocalQueue? Find(string name)
    {
        lock (_gate)
            return _queues.GetValueOrDefault(name);
    }

    /// <summary>The queue an ARN names, if it is one of this stand-in's.</summary>
    public LocalQueue? FindByArn(string arn)
    {
        var name = arn[(arn.LastIndexOf(':') + 1)..];
        return ArnOf(name) == arn ? Find(name) : null;
    }

    /// <summary>Every queue, in name order.</summary>
    public IReadOnlyList<LocalQueue> All()
    {
        lock (_gate)
            return [.. _queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// CreateQueue: a new queue, or the existing one when every requested attribute has the value it already has.
    /// </summary>
    /// <exception cref="SqsErrorException">An invalid name or attribute, an existing queue with other values, or a name deleted within the last minute.</exception>
    public LocalQueue CreateOrGet(string? name, IReadOnlyDictionary<string, string>? attributes, IReadOnlyDictionary<string, string>? tags)
    {
        if (string.IsNullOrEmpty(name))
            throw SqsErrorException.MissingParameter("QueueName");
        var fifo = QueueAttributes.RequestsFifo(attributes);
        if (!QueueName.IsValid(name, fifo))
        {
            throw SqsErrorException.InvalidParameterValue(fifo
                ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
                : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        var requested = QueueAttributes.ForNewQueue(fifo, attributes);
        if (requested.TryGetValue(QueueAttributes.RedrivePolicy, out var redrive))
            CheckDeadLetterTarget(RedrivePolicy.Parse(redrive), fifo);
        lock (_gate)
        {
            if (_queues.TryGetValue(name, out var existing))
            {
                var current = existing.AllAttributes();
                foreach (var key in attributes?.Keys ?? [])
                {
                    if (key == QueueAttributes.FifoQueue ? fifo != existing.IsFifo : current.GetValueOrDefault(key) != requested.GetValueOrDefault(key))
                        throw SqsErrorException.QueueNameExists(key);
                }
                return existing;
            }
            if (_deletedAt.TryGetValue(name, out var deletedAt) && Now - deletedAt < RecreateDelayMilliseconds)
                throw SqsErrorException.QueueDeletedRecently();
            var seconds = _clock.GetUtcNow().ToUnixTimeSeconds();
            var settings = new StoredQueue(name, fifo, requested,
                new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal), seconds, seconds);
            _store.Save(settings);
            var journal = QueueJournal.Open(_store.JournalPath(name), out var history);
            var queue = new LocalQueue(settings, ArnOf(name), journal, history, _clock);
            _queues[name] = queue;
            return queue;
        }
    }

    /// <summary>A dead-letter queue must exist and be of the same type (standard or FIFO) as its source.</summary>
    public void CheckDeadLetterTarget(RedrivePolicy policy, bool sourceIsFifo)
    {
        var target = FindByArn(policy.DeadLetterTargetArn)
            ?? throw SqsErrorException.InvalidParameterValue("RedrivePolicy", policy.ToJson(), "Dead letter target does not exist.");
        if (target.IsFifo != sourceIsFifo)
            throw SqsErrorException.InvalidParameterValue("RedrivePolicy", policy.ToJson(),
                sourceIsFifo ? "Fifo queues cannot use non fifo dead letter queues." : "Standard queues cannot use fifo dead letter queues.");
    }

    /// <summary>Stores a queue's changed settings.</summary>
    public void Save(StoredQueue settings)
    {
        lock (_gate)
        {
            if (_queues.ContainsKey(settings.Name))
                _store.Save(settings);
        }
    }

    public async Task DeleteAsync(LocalQueue queue)
    {
        lock (_gate)
        {
            if (!_queues.Remove(queue.Name))
                return;
            _deletedAt[queue.Name] = Now;
        }
        await queue.Journal.DisposeAsync();
        _store.Delete(queue.Name);
    }

    /// <summary>Writes what is still queued for the disk and closes every journal.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in All())
            await queue.Journal.DisposeAsync();
    }

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}
