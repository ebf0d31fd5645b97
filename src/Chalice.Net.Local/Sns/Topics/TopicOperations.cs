using System.Globalization;
using Chalice.Local.Sns.Protocol;

namespace Chalice.Local.Sns.Topics;

/// <summary>CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes and SetTopicAttributes.</summary>
internal static class TopicOperations
{
    private const int PageSize = 100;

    // The topic attributes SNS lets a caller set (CreateTopic's Attributes documentation); others are refused.
    private static readonly HashSet<string> s_settable = new(StringComparer.Ordinal)
    {
        "DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId", "SignatureVersion", "TracingConfig", "FifoTopic",
        "ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope",
    };

    public static async Task CreateAsync(SnsCall call)
    {
        var name = call.Parameters.Required("Name");
        var attributes = call.Parameters.Map("Attributes");
        foreach (var key in attributes.Keys)
        {
            if (!s_settable.Contains(key))
                throw SnsErrorException.InvalidParameter($"Attributes Reason: Unknown attribute {key}");
        }
        var fifo = attributes.TryGetValue("FifoTopic", out var fifoText) && fifoText.Equals("true", StringComparison.OrdinalIgnoreCase);
        var stem = fifo && name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        if (stem.Length is 0 or > 256 || !stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || (fifo && stem == name))
        {
            throw SnsErrorException.InvalidParameter(fifo
                ? "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long."
                : "Topic Name");
        }
        var tags = call.Parameters.List("Tags").ToDictionary(t => t.Required("Key"), t => t.Get("Value") ?? "", StringComparer.Ordinal);
        var topic = call.Topics.CreateOrGet(name, attributes, tags);
        await call.WriteAsync(SnsXml.Element("TopicArn", topic.Arn));
    }

    public static async Task DeleteAsync(SnsCall call)
    {
        call.Topics.Delete(call.Parameters.Required("TopicArn"));
        await call.WriteAsync();
    }

    public static async Task ListAsync(SnsCall call)
    {
        var (page, next) = Page(call.Topics.Topics(), t => t.Arn, call.Parameters.Get("NextToken"));
        await call.WriteAsync(
            SnsXml.Members("Topics", page.Select(t => SnsXml.Element("TopicArn", t.Arn))),
            next is null ? null : SnsXml.Element("NextToken", next));
    }

    public static async Task GetAttributesAsync(SnsCall call)
    {
        var topic = call.Topic();
        var subscriptions = call.Topics.Subscriptions(topic.Arn);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Owner"] = call.Topics.AccountId,
            ["Policy"] = DefaultPolicy(topic.Arn, call.Topics.AccountId),
            ["TopicArn"] = topic.Arn,
            ["DisplayName"] = "",
            ["SubscriptionsPending"] = "0",
            // Same-account sqs and lambda subscriptions are confirmed at once.
            ["SubscriptionsConfirmed"] = subscriptions.Count.ToString(CultureInfo.InvariantCulture),
            ["SubscriptionsDeleted"] = "0",
            ["EffectiveDeliveryPolicy"] = DefaultEffectiveDeliveryPolicy,
        };
        foreach (var (key, value) in topic.Attributes)
            attributes[key] = value;
        await call.WriteAsync(SnsXml.Map("Attributes", attributes));
    }

    public static async Task SetAttributesAsync(SnsCall call)
    {
        var topic = call.Topic();
        var name = call.Parameters.Required("AttributeName");
        if (!s_settable.Contains(name) || name == "FifoTopic")
            throw SnsErrorException.InvalidParameter("AttributeName");
        call.Topics.SetTopicAttribute(topic.Arn, name, call.Parameters.Get("AttributeValue") ?? "");
        await call.WriteAsync();
    }

    /// <summary>A page of up to 100 items after the one a <c>NextToken</c> names, and the token for the next page.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, Func<T, string> key, string? nextToken)
    {
        var start = 0;
        if (nextToken is not null)
        {
            start = items.Select(key).ToList().FindIndex(k => string.CompareOrdinal(k, nextToken) > 0);
            if (start < 0)
                start = items.Count;
        }
        var page = items.Skip(start).Take(PageSize).ToList();
        return (page, start + page.Count < items.Count ? key(page[^1]) : null);
    }

    /// <summary>The access policy SNS gives a new topic.</summary>
    private static string DefaultPolicy(string topicArn, string account) =>
        """{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Resource":"""
        + "\"" + topicArn + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + account + "\"}}}]}";

    private const string DefaultEffectiveDeliveryPolicy =
        """{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}""";
}
