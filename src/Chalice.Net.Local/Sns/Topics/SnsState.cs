namespace Chalice.Local.Sns.Topics;

/// <summary>A topic as stored: its attributes and tags.</summary>
internal sealed record StoredTopic(string Name, string Arn, Dictionary<string, string> Attributes, Dictionary<string, string> Tags);

/// <summary>A subscription as stored: which topic, which protocol and endpoint, and its attributes.</summary>
internal sealed record StoredSubscription(string Arn, string TopicArn, string Protocol, string Endpoint, Dictionary<string, string> Attributes)
{
    public bool RawMessageDelivery => Attributes.TryGetValue("RawMessageDelivery", out var raw) && raw.Equals("true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Everything the SNS stand-in keeps, in one small file.</summary>
internal sealed record SnsState(List<StoredTopic> Topics, List<StoredSubscription> Subscriptions);
