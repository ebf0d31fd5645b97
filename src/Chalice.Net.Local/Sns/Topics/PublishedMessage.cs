namespace Chalice.Local.Sns.Topics;

/// <summary>A message attribute as published: SNS's data type and its value (binary values as bytes).</summary>
internal sealed record PublishedAttribute(string DataType, string? StringValue, byte[]? BinaryValue);

/// <summary>A validated Publish (or PublishBatch entry), ready for every subscription of its topic.</summary>
internal sealed record PublishedMessage(
    string MessageId,
    string Message,
    string? Subject,
    bool JsonStructure,
    IReadOnlyDictionary<string, PublishedAttribute> Attributes,
    string? GroupId,
    string? DeduplicationId,
    DateTimeOffset Timestamp)
{
    /// <summary>
    /// The text a subscription of <paramref name="protocol"/> gets: with <c>MessageStructure=json</c> the value under
    /// the protocol's key, else under <c>default</c> (Publish documentation); otherwise the message itself.
    /// </summary>
    public string MessageFor(string protocol)
    {
        if (!JsonStructure)
            return Message;
        using var document = System.Text.Json.JsonDocument.Parse(Message);
        var root = document.RootElement;
        return (root.TryGetProperty(protocol, out var specific) ? specific : root.GetProperty("default")).GetString() ?? "";
    }
}
