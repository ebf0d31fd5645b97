using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chalice.Local.Sqs.Protocol;
using Chalice.Local.Sqs.Storage;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// One queue: its messages and their delivery state, kept in memory and journaled (<see cref="QueueJournal"/>). Every
/// change happens under one lock, and its journal record is appended under the same lock so the journal's order is
/// the order of the changes; the wait for the disk happens outside it.
/// </summary>
internal sealed class LocalQueue
{
    private const long PurgeIntervalMilliseconds = 60_000;
    private const long MaximumVisibilityMilliseconds = 43_200_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<QueueMessage> _messages = new(); // in the order they were sent
    private readonly Dictionary<string, LinkedListNode<QueueMessage>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeduplicationEntry> _deduplication = new(StringComparer.Ordinal);
    private readonly QueueJournal _journal;
    private readonly TimeProvider _clock;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastSequence;
    private long? _lastPurge;

    public LocalQueue(StoredQueue settings, string arn, QueueJournal journal, IEnumerable<JournalRecord> history, TimeProvider clock)
    {
        Name = settings.Name;
        Arn = arn;
        IsFifo = settings.Fifo;
        Attributes = settings.Attributes;
        Tags = settings.Tags;
        CreatedTimestamp = settings.CreatedTimestamp;
        LastModifiedTimestamp = settings.LastModifiedTimestamp;
        _journal = journal;
        _clock = clock;
        _lastSequence = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        Replay(history);
    }

    public string Name { get; }
    public string Arn { get; }
    public bool IsFifo { get; }

    /// <summary>The settable attributes; read and changed under <see cref="Settings"/>.</summary>
    private Dictionary<string, string> Attributes { get; set; }
    private Dictionary<string, string> Tags { get; set; }
    private long CreatedTimestamp { get; }
    private long LastModifiedTimestamp { get; set; }

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The journal, for the registry to close or delete with the queue.</summary>
    public QueueJournal Journal => _journal;

    /// <summary>The queue's settings as stored in <c>queue.json</c>.</summary>
    public StoredQueue Settings
    {
        get
        {
            lock (_gate)
                return new StoredQueue(Name, IsFifo, new(Attributes, StringComparer.Ordinal), new(Tags, StringComparer.Ordinal), CreatedTimestamp, LastModifiedTimestamp);
        }
    }

    public int Attribute(string name)
    {
        lock (_gate)
            return QueueAttributes.IntegerValue(Attributes, name);
    }

    public string? AttributeText(string name)
    {
        lock (_gate)
            return Attributes.GetValueOrDefault(name);
    }

    public RedrivePolicy? Redrive
    {
        get
        {
            lock (_gate)
                return Attributes.TryGetValue(QueueAttributes.RedrivePolicy, out var json) ? RedrivePolicy.Parse(json) : null;
        }
    }

    /// <summary>Every attribute, settable and computed, as GetQueueAttributes returns them.</summary>
    public Dictionary<string, string> AllAttributes()
    {
        lock (_gate)
        {
            var now = Now;
            DropExpired(now);
            int available = 0, inFlight = 0, delayed = 0;
            foreach (var message in _messages)
            {
                if (message.IsInFlight(now))
                    inFlight++;
                else if (message.IsDelayed(now))
                    delayed++;
                else
                    available++;
            }
            var all = new Dictionary<string, string>(Attributes, StringComparer.Ordinal)
            {
                ["ApproximateNumberOfMessages"] = Text(available),
                ["ApproximateNumberOfMessagesNotVisible"] = Text(inFlight),
                ["ApproximateNumberOfMessagesDelayed"] = Text(delayed),
                ["CreatedTimestamp"] = Text(CreatedTimestamp),
                ["LastModifiedTimestamp"] = Text(LastModifiedTimestamp),
                ["QueueArn"] = Arn,
            };
            return all;
        }
    }

    /// <summary>Changes attributes (validated by <see cref="QueueAttributes.Apply"/>); returns the new settings to store.</summary>
    public StoredQueue SetAttributes(IReadOnlyDictionary<string, string> requested)
    {
        lock (_gate)
        {
            var updated = new Dictionary<string, string>(Attributes, StringComparer.Ordinal);
            QueueAttributes.Apply(updated, IsFifo, requested, creating: false);
            Attributes = updated;
            LastModifiedTimestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        }
        return Settings;
    }

    public Dictionary<string, string> TagsSnapshot()
    {
        lock (_gate)
            return new(Tags, StringComparer.Ordinal);
    }

    /// <summary>Adds or removes tags; returns the new settings to store.</summary>
    public StoredQueue ChangeTags(IReadOnlyDictionary<string, string>? add, IReadOnlyList<string>? remove)
    {
        lock (_gate)
        {
            var updated = new Dictionary<string, string>(Tags, StringComparer.Ordinal);
            foreach (var (key, value) in add ?? new Dictionary<string, string>())
                updated[key] = value;
            foreach (var key in remove ?? [])
                updated.Remove(key);
            Tags = updated;
        }
        return Settings;
    }

    /// <summary>Enqueues a message; completes once it is durable. A FIFO duplicate answers with the first message.</summary>
    public async Task<SentMessage> SendAsync(MessageDraft draft)
    {
        var (sent, durable) = Enqueue(draft);
        await durable;
        return sent;
    }

    private (SentMessage Sent, Task Durable) Enqueue(MessageDraft draft)
    {
        lock (_gate)
        {
            var now = Now;
            string? deduplicationId = null;
            string? sequence = null;
            if (IsFifo)
            {
                // Content-based deduplication uses the SHA-256 of the body, not its attributes.
                deduplicationId = draft.DeduplicationId ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Body)));
                if (_deduplication.TryGetValue(DeduplicationKey(draft.GroupId!, deduplicationId), out var previous)
                    && now - previous.At < DeduplicationEntry.IntervalMilliseconds)
                {
                    // Accepted but not delivered again; the first send may still be on its way to the disk.
                    return (new SentMessage(previous.MessageId, previous.SequenceNumber), _journal.FlushAsync());
                }
                sequence = (++_lastSequence).ToString("D20", CultureInfo.InvariantCulture);
            }
            var message = new QueueMessage
            {
                Id = Guid.NewGuid().ToString(),
                Body = draft.Body,
                Md5OfBody = MessageAttributeDigest.OfBody(draft.Body),
                Attributes = draft.Attributes is { Count: > 0 } ? draft.Attributes : null,
                Md5OfAttributes = MessageAttributeDigest.Of(draft.Attributes),
                SystemAttributes = draft.SystemAttributes is { Count: > 0 } ? draft.SystemAttributes : null,
                Md5OfSystemAttributes = MessageAttributeDigest.Of(draft.SystemAttributes),
                SentTimestamp = now,
                SenderId = draft.SenderId,
                GroupId = draft.GroupId,
                DeduplicationId = deduplicationId,
                SequenceNumber = sequence,
                VisibleAt = now + draft.DelaySeconds * 1000L,
            };
            if (IsFifo)
                _deduplication[DeduplicationKey(draft.GroupId!, deduplicationId!)] = new DeduplicationEntry(message.Id, sequence, now);
            Add(message);
            var durable = _journal.AppendDurableAsync(JournalRecord.ForSent(message));
            if (draft.DelaySeconds == 0)
                SignalLocked();
            return (new SentMessage(message.Id, sequence), durable);
        }
    }

    /// <summary>Takes in a message moved from another queue's redrive; completes once it is durable here.</summary>
    public Task AcceptMovedAsync(QueueMessage moved)
    {
        lock (_gate)
        {
            if (_byId.ContainsKey(moved.Id))
                return Task.CompletedTask; // moved before a crash and again after it
            Add(moved);
            SignalLocked();
            return _journal.AppendDurableAsync(JournalRecord.ForSent(moved));
        }
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> messages, waiting up to <paramref name="wait"/> for the first
    /// (long polling: SQS answers as soon as it has any). Messages past their redrive policy's receive count go to
    /// the dead-letter queue found by <paramref name="findQueue"/> instead.
    /// </summary>
    public async Task<List<Delivery>> ReceiveAsync(
        int maxMessages, int visibilitySeconds, TimeSpan wait, Func<string, LocalQueue?> findQueue, CancellationToken cancellationToken)
    {
        var deadline = Now + (long)wait.TotalMilliseconds;
        var redrive = Redrive;
        var deadLetterQueue = redrive is null ? null : findQueue(redrive.TargetQueueName);
        while (true)
        {
            Task changed;
            long wakeAt;
            var deliveries = new List<Delivery>();
            var toDeadLetter = new List<QueueMessage>();
            lock (_gate)
            {
                var now = Now;
                DropExpired(now);
                Collect(now, maxMessages, visibilitySeconds, redrive, deadLetterQueue is not null, deliveries, toDeadLetter);
                changed = _changed.Task;
                wakeAt = Math.Min(deadline, NextVisibleAt(now));
            }
            foreach (var message in toDeadLetter)
            {
                await deadLetterQueue!.AcceptMovedAsync(message.MovedTo(Arn));
                _journal.Append(JournalRecord.ForDeleted(message.Id));
            }
            if (deliveries.Count > 0 || Now >= deadline)
                return deliveries;
            if (toDeadLetter.Count > 0)
                continue;
            var delay = TimeSpan.FromMilliseconds(Math.Max(1, wakeAt - Now));
            await Task.WhenAny(changed, Task.Delay(delay, _clock, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Collect(
        long now, int maxMessages, int visibilitySeconds, RedrivePolicy? redrive, bool canRedrive,
        List<Delivery> deliveries, List<QueueMessage> toDeadLetter)
    {
        // A FIFO group with a message in flight delivers nothing more until it is deleted or visible again, and a
        // group's messages leave in order (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html).
        HashSet<string>? blockedGroups = null;
        if (IsFifo)
        {
            blockedGroups = new HashSet<string>(StringComparer.Ordinal);
            foreach (var message in _messages)
            {
                if (message.IsInFlight(now))
                    blockedGroups.Add(message.GroupId!);
            }
        }
        var node = _messages.First;
        while (node is not null && deliveries.Count < maxMessages)
        {
            var message = node.Value;
            node = node.Next;
            if (blockedGroups is not null && blockedGroups.Contains(message.GroupId!))
                continue;
            if (!message.IsAvailable(now))
            {
                blockedGroups?.Add(message.GroupId!);
                continue;
            }
            if (redrive is not null && canRedrive && message.ReceiveCount >= redrive.MaxReceiveCount)
            {
                Remove(message);
                toDeadLetter.Add(message);
                continue;
            }
            message.ReceiveCount++;
            message.FirstReceiveTimestamp ??= now;
            message.LastReceivedAt = now;
            message.VisibleAt = now + visibilitySeconds * 1000L;
            _journal.Append(JournalRecord.ForReceived(message));
            var handle = new ReceiptHandle(Name, message.Id, message.ReceiveCount).Encode();
            deliveries.Add(new Delivery(message, message.ReceiveCount, message.FirstReceiveTimestamp.Value, handle));
        }
    }

    /// <summary>Deletes the message a receipt handle was issued for; deleting it twice is not an error, as in SQS.</summary>
    /// <exception cref="SqsErrorException">The handle was never issued by this queue.</exception>
    public void Delete(string receiptHandle)
    {
        var handle = Decode(receiptHandle);
        lock (_gate)
        {
            if (!_byId.TryGetValue(handle.MessageId, out var node))
                return;
            if (handle.Receive > node.Value.ReceiveCount)
                throw SqsErrorException.ReceiptHandleIsInvalid(receiptHandle);
            Remove(node.Value);
            _journal.Append(JournalRecord.ForDeleted(handle.MessageId));
            if (IsFifo)
                SignalLocked(); // its group may be free again
            CompactLockedIfWasteful(always: false);
        }
    }

    /// <summary>Sets how long until the message a handle was issued for becomes visible again, from now.</summary>
    public void ChangeVisibility(string receiptHandle, int seconds)
    {
        var handle = Decode(receiptHandle);
        lock (_gate)
        {
            var now = Now;
            if (!_byId.TryGetValue(handle.MessageId, out var node))
                throw SqsErrorException.InvalidParameterValue("ReceiptHandle", receiptHandle,
                    "Message does not exist or is not available for visibility timeout change.");
            var message = node.Value;
            if (handle.Receive > message.ReceiveCount)
                throw SqsErrorException.ReceiptHandleIsInvalid(receiptHandle);
            if (now - message.LastReceivedAt + seconds * 1000L > MaximumVisibilityMilliseconds)
                throw SqsErrorException.InvalidParameterValue("VisibilityTimeout", seconds,
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
            message.VisibleAt = now + seconds * 1000L;
            if (seconds == 0)
                SignalLocked();
        }
    }

    /// <summary>Deletes every message; SQS allows one purge a minute per queue.</summary>
    public void Purge()
    {
        lock (_gate)
        {
            var now = Now;
            if (now - _lastPurge < PurgeIntervalMilliseconds)
                throw SqsErrorException.PurgeQueueInProgress(Arn);
            _lastPurge = now;
            _messages.Clear();
            _byId.Clear();
            _journal.Append(JournalRecord.ForPurged());
            CompactLockedIfWasteful(always: false);
        }
    }

    /// <summary>Rewrites the journal as the current state (at start, after replaying it).</summary>
    public void Compact()
    {
        lock (_gate)
            CompactLockedIfWasteful(always: true);
    }

    private void CompactLockedIfWasteful(bool always)
    {
        var live = _messages.Count + _deduplication.Count;
        if (!always && (_journal.RecordCount < 1024 || _journal.RecordCount < 2 * live))
            return;
        var now = Now;
        var snapshot = new List<JournalRecord>(live);
        foreach (var message in _messages)
        {
            snapshot.Add(JournalRecord.ForSent(message));
            if (message.ReceiveCount > 0)
                snapshot.Add(JournalRecord.ForReceived(message));
        }
        foreach (var (key, entry) in _deduplication)
        {
            if (now - entry.At < DeduplicationEntry.IntervalMilliseconds && !_byId.ContainsKey(entry.MessageId))
                snapshot.Add(JournalRecord.ForDeduplication(key, entry));
        }
        if (always && snapshot.Count == _journal.RecordCount)
            return;
        _journal.Rewrite(snapshot);
    }

    /// <summary>Completes when everything journaled so far is on disk.</summary>
    public Task FlushAsync() => _journal.FlushAsync();

    private ReceiptHandle Decode(string receiptHandle) =>
        ReceiptHandle.TryDecode(receiptHandle) is { } handle && handle.Queue == Name
            ? handle
            : throw SqsErrorException.ReceiptHandleIsInvalid(receiptHandle);

    private string DeduplicationKey(string groupId, string deduplicationId) =>
        AttributeTextLocked(QueueAttributes.DeduplicationScope) == "messageGroup" ? groupId + "\n" + deduplicationId : deduplicationId;

    private string? AttributeTextLocked(string name) => Attributes.GetValueOrDefault(name);

    private void Add(QueueMessage message)
    {
        _byId[message.Id] = _messages.AddLast(message);
        if (message.SequenceNumber is { } sequence && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            _lastSequence = Math.Max(_lastSequence, number);
    }

    private void Remove(QueueMessage message)
    {
        if (_byId.Remove(message.Id, out var node))
            _messages.Remove(node);
    }

    /// <summary>Deletes messages older than the retention period, as SQS does.</summary>
    private void DropExpired(long now)
    {
        var retention = QueueAttributes.IntegerValue(Attributes, QueueAttributes.MessageRetentionPeriod) * 1000L;
        var node = _messages.First;
        while (node is not null)
        {
            var next = node.Next;
            if (now - node.Value.SentTimestamp >= retention)
            {
                Remove(node.Value);
                _journal.Append(JournalRecord.ForDeleted(node.Value.Id));
            }
            node = next;
        }
        if (_deduplication.Count > 0)
        {
            foreach (var key in _deduplication.Where(e => now - e.Value.At >= DeduplicationEntry.IntervalMilliseconds).Select(e => e.Key).ToList())
                _deduplication.Remove(key);
        }
    }

    /// <summary>The earliest time a message that is not available now becomes available.</summary>
    private long NextVisibleAt(long now)
    {
        var next = long.MaxValue;
        foreach (var message in _messages)
        {
            if (message.VisibleAt > now)
                next = Math.Min(next, message.VisibleAt);
        }
        return next;
    }

    private void SignalLocked()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Rebuilds the state from the journal: messages in flight at the last stop are visible again.</summary>
    private void Replay(IEnumerable<JournalRecord> history)
    {
        foreach (var record in history)
        {
            switch (record.Kind)
            {
                case JournalRecord.Sent when record.Message is { } message:
                    if (_byId.ContainsKey(message.Id))
                        break;
                    message.VisibleAt = message.ReceiveCount > 0 ? 0 : message.VisibleAt;
                    Add(message);
                    if (message.DeduplicationId is { } deduplicationId && message.GroupId is { } groupId)
                        _deduplication[DeduplicationKey(groupId, deduplicationId)] = new DeduplicationEntry(message.Id, message.SequenceNumber, message.SentTimestamp);
                    break;
                case JournalRecord.Received when record.Id is { } id && _byId.TryGetValue(id, out var node):
                    node.Value.ReceiveCount = record.ReceiveCount ?? node.Value.ReceiveCount;
                    node.Value.FirstReceiveTimestamp = record.FirstReceiveTimestamp;
                    node.Value.VisibleAt = 0;
                    break;
                case JournalRecord.Deleted when record.Id is { } id:
                    if (_byId.TryGetValue(id, out var deleted))
                        Remove(deleted.Value);
                    break;
                case JournalRecord.Purged:
                    _messages.Clear();
                    _byId.Clear();
                    break;
                case JournalRecord.Deduplicated when record.DeduplicationKey is { } key && record.Id is { } messageId && record.At is { } at:
                    _deduplication[key] = new DeduplicationEntry(messageId, record.SequenceNumber, at);
                    break;
            }
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
