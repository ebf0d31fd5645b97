namespace Chalice.Local.Sqs.Storage;

/// <summary>A queue's settings as kept in its <c>queue.json</c>.</summary>
internal sealed record StoredQueue(
    string Name,
    bool Fifo,
    Dictionary<string, string> Attributes,
    Dictionary<string, string> Tags,
    long CreatedTimestamp,
    long LastModifiedTimestamp);
