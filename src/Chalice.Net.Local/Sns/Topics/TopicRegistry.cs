using System.Text.Json;
using Chalice.Local.Sns.Protocol;

namespace Chalice.Local.Sns.Topics;

/// <summary>
/// The stand-in's topics and subscriptions, kept in memory and in <c>{data}/topics.json</c>, which every change
/// rewrites atomically (write beside, fsync, rename): the state is small and changes rarely.
/// </summary>
internal sealed class TopicRegistry
{
    private const string FileName = "topics.json";

    private readonly Lock _gate = new();
    private readonly string _file;
    private readonly Dictionary<string, StoredTopic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredSubscription> _subscriptions = new(StringComparer.Ordinal);

    public TopicRegistry(string dataDirectory, string region, string accountId)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        _file = Path.Combine(DataDirectory, FileName);
        Region = region;
        AccountId = accountId;
        if (File.Exists(_file))
        {
            var state = JsonSerializer.Deserialize(File.ReadAllBytes(_file), SnsStorageJsonContext.Default.SnsState)
                ?? throw new InvalidDataException($"'{_file}' holds no SNS state.");
            foreach (var topic in state.Topics)
                _topics[topic.Arn] = topic;
            foreach (var subscription in state.Subscriptions)
                _subscriptions[subscription.Arn] = subscription;
        }
    }

    public string DataDirectory { get; }
    public string Region { get; }
    public string AccountId { get; }

    public string ArnOf(string name) => $"arn:aws:sns:{Region}:{AccountId}:{name}";

    public StoredTopic? Find(string arn)
    {
        lock (_gate)
            return _topics.GetValueOrDefault(arn);
    }

    public IReadOnlyList<StoredTopic> Topics()
    {
        lock (_gate)
            return [.. _topics.Values.OrderBy(t => t.Arn, StringComparer.Ordinal)];
    }

    public IReadOnlyList<StoredSubscription> Subscriptions(string? topicArn = null)
    {
        lock (_gate)
            return [.. _subscriptions.Values.Where(s => topicArn is null || s.TopicArn == topicArn).OrderBy(s => s.Arn, StringComparer.Ordinal)];
    }

    public StoredSubscription? FindSubscription(string arn)
    {
        lock (_gate)
            return _subscriptions.GetValueOrDefault(arn);
    }

    /// <summary>CreateTopic: a new topic, or the existing one when the requested attributes agree with it.</summary>
    public StoredTopic CreateOrGet(string name, Dictionary<string, string> attributes, Dictionary<string, string> tags)
    {
        var arn = ArnOf(name);
        lock (_gate)
        {
            if (_topics.TryGetValue(arn, out var existing))
            {
                foreach (var (key, value) in attributes)
                {
                    if (existing.Attributes.GetValueOrDefault(key, "") != value)
                        throw SnsErrorException.InvalidParameter("Attributes Reason: Topic already exists with different attributes");
                }
                return existing;
            }
            var topic = new StoredTopic(name, arn, attributes, tags);
            _topics[arn] = topic;
            SaveLocked();
            return topic;
        }
    }

    /// <summary>DeleteTopic, with its subscriptions; deleting a topic that does not exist is not an error, as in SNS.</summary>
    public void Delete(string arn)
    {
        lock (_gate)
        {
            if (!_topics.Remove(arn))
                return;
            foreach (var subscription in _subscriptions.Values.Where(s => s.TopicArn == arn).ToList())
                _subscriptions.Remove(subscription.Arn);
            SaveLocked();
        }
    }

    public void SetTopicAttribute(string arn, string name, string value)
    {
        lock (_gate)
        {
            var topic = _topics.GetValueOrDefault(arn) ?? throw SnsErrorException.NotFound("Topic");
            topic.Attributes[name] = value;
            SaveLocked();
        }
    }

    /// <summary>Subscribe: the same topic, protocol and endpoint give the existing subscription, as SNS does.</summary>
    public StoredSubscription Subscribe(string topicArn, string protocol, string endpoint, Dictionary<string, string> attributes)
    {
        lock (_gate)
        {
            if (!_topics.ContainsKey(topicArn))
                throw SnsErrorException.NotFound("Topic");
            var existing = _subscriptions.Values.FirstOrDefault(s => s.TopicArn == topicArn && s.Protocol == protocol && s.Endpoint == endpoint);
            if (existing is not null)
                return existing;
            var subscription = new StoredSubscription($"{topicArn}:{Guid.NewGuid()}", topicArn, protocol, endpoint, attributes);
            _subscriptions[subscription.Arn] = subscription;
            SaveLocked();
            return subscription;
        }
    }

    public void Unsubscribe(string arn)
    {
        lock (_gate)
        {
            if (_subscriptions.Remove(arn))
                SaveLocked();
        }
    }

    public void SetSubscriptionAttribute(string arn, string name, string value)
    {
        lock (_gate)
        {
            var subscription = _subscriptions.GetValueOrDefault(arn) ?? throw SnsErrorException.NotFound("Subscription");
            subscription.Attributes[name] = value;
            SaveLocked();
        }
    }

    private void SaveLocked()
    {
        var temporary = _file + ".writing";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, new SnsState([.. _topics.Values], [.. _subscriptions.Values]), SnsStorageJsonContext.Default.SnsState);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _file, overwrite: true);
    }
}
