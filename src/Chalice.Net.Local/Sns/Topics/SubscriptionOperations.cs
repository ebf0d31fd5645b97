using Chalice.Local.Sns.Protocol;

namespace Chalice.Local.Sns.Topics;

/// <summary>Subscribe, Unsubscribe, ListSubscriptions(ByTopic) and the subscription attributes.</summary>
internal static class SubscriptionOperations
{
    // Subscription attributes that change nothing about what a local subscriber receives are kept as given.
    private static readonly HashSet<string> s_kept = new(StringComparer.Ordinal)
    {
        "RawMessageDelivery", "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn",
    };

    public static async Task SubscribeAsync(SnsCall call)
    {
        var topic = call.Topic();
        var protocol = call.Parameters.Required("Protocol");
        var endpoint = call.Parameters.Get("Endpoint") ?? "";
        switch (protocol)
        {
            case "sqs" when !endpoint.StartsWith("arn:aws:sqs:", StringComparison.Ordinal):
                throw SnsErrorException.InvalidParameter("SQS endpoint ARN");
            case "lambda" when !endpoint.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) || !endpoint.Contains(":function:", StringComparison.Ordinal):
                throw SnsErrorException.InvalidParameter("Lambda endpoint ARN");
            case "sqs" or "lambda":
                break;
            default:
                throw SnsErrorException.NotSupportedLocally($"The '{protocol}' protocol (the stand-in delivers to sqs and lambda subscriptions)");
        }
        var attributes = call.Parameters.Map("Attributes");
        foreach (var (name, value) in attributes)
            Validate(name, value);
        var subscription = call.Topics.Subscribe(topic.Arn, protocol, endpoint, attributes);
        await call.WriteAsync(SnsXml.Element("SubscriptionArn", subscription.Arn));
    }

    public static async Task UnsubscribeAsync(SnsCall call)
    {
        call.Topics.Unsubscribe(call.Parameters.Required("SubscriptionArn"));
        await call.WriteAsync();
    }

    public static async Task ListAsync(SnsCall call)
    {
        var (page, next) = TopicOperations.Page(call.Topics.Subscriptions(), s => s.Arn, call.Parameters.Get("NextToken"));
        await call.WriteAsync(Describe(page, call.Topics.AccountId), next is null ? null : SnsXml.Element("NextToken", next));
    }

    public static async Task ListByTopicAsync(SnsCall call)
    {
        var topic = call.Topic();
        var (page, next) = TopicOperations.Page(call.Topics.Subscriptions(topic.Arn), s => s.Arn, call.Parameters.Get("NextToken"));
        await call.WriteAsync(Describe(page, call.Topics.AccountId), next is null ? null : SnsXml.Element("NextToken", next));
    }

    public static async Task GetAttributesAsync(SnsCall call)
    {
        var subscription = call.Topics.FindSubscription(call.Parameters.Required("SubscriptionArn"))
            ?? throw SnsErrorException.NotFound("Subscription");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Owner"] = call.Topics.AccountId,
            ["PendingConfirmation"] = "false",
            ["ConfirmationWasAuthenticated"] = "true",
            ["Endpoint"] = subscription.Endpoint,
            ["Protocol"] = subscription.Protocol,
            ["SubscriptionArn"] = subscription.Arn,
            ["TopicArn"] = subscription.TopicArn,
            ["RawMessageDelivery"] = "false",
        };
        foreach (var (key, value) in subscription.Attributes)
            attributes[key] = value;
        await call.WriteAsync(SnsXml.Map("Attributes", attributes));
    }

    public static async Task SetAttributesAsync(SnsCall call)
    {
        var arn = call.Parameters.Required("SubscriptionArn");
        var name = call.Parameters.Required("AttributeName");
        var value = call.Parameters.Get("AttributeValue") ?? "";
        Validate(name, value);
        call.Topics.SetSubscriptionAttribute(arn, name, value);
        await call.WriteAsync();
    }

    private static void Validate(string name, string value)
    {
        if (name is "FilterPolicy" or "FilterPolicyScope")
            throw SnsErrorException.NotSupportedLocally("Subscription filter policies");
        if (!s_kept.Contains(name))
            throw SnsErrorException.InvalidParameter($"Attributes Reason: Unknown attribute {name}");
        if (name == "RawMessageDelivery" && value is not ("true" or "false"))
            throw SnsErrorException.InvalidParameter("Attributes Reason: RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
    }

    private static System.Xml.Linq.XElement Describe(IEnumerable<StoredSubscription> subscriptions, string account) =>
        SnsXml.Members("Subscriptions", subscriptions.Select(s => new object[]
        {
            SnsXml.Element("TopicArn", s.TopicArn),
            SnsXml.Element("Protocol", s.Protocol),
            SnsXml.Element("SubscriptionArn", s.Arn),
            SnsXml.Element("Owner", account),
            SnsXml.Element("Endpoint", s.Endpoint),
        }));
}
