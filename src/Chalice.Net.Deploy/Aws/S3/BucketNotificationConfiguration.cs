using System.Xml.Linq;

namespace Chalice.Deploy.Aws.S3;

/// <summary>
/// A bucket's notification configuration: its Lambda entries, typed, and every other entry (SNS topics, SQS queues,
/// EventBridge, and anything S3 adds later) kept as the XML S3 answered, so that writing the configuration back
/// changes nothing but the Lambda entries a deploy changed. An entry a deploy did not change is written as it was read,
/// unknown members included. Immutable: the <c>With…</c> methods return a new configuration.
/// </summary>
internal sealed class BucketNotificationConfiguration
{
    /// <summary>S3's XML namespace.</summary>
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private const string LambdaElement = "CloudFunctionConfiguration";

    // Where S3 lists each kind of entry (the order of the NotificationConfiguration members in its model), so that a new
    // Lambda entry goes where S3 itself would write it.
    private static readonly string[] s_entriesBeforeLambda = ["TopicConfiguration", "QueueConfiguration"];

    private readonly IReadOnlyList<Entry> _entries;

    private BucketNotificationConfiguration(IReadOnlyList<Entry> entries) => _entries = entries;

    /// <summary>No notifications (what a new bucket has).</summary>
    public static BucketNotificationConfiguration Empty { get; } = new([]);

    /// <summary>The Lambda entries, in the bucket's order.</summary>
    public IReadOnlyList<LambdaFunctionNotification> LambdaFunctions => [.. _entries.Where(e => e.Lambda is not null).Select(e => e.Lambda!)];

    /// <summary>The entries that are not Lambda entries, as XML, in the bucket's order.</summary>
    public IReadOnlyList<XElement> OtherEntries => [.. _entries.Where(e => e.Lambda is null).Select(e => new XElement(e.Xml!))];

    /// <summary>
    /// Reads the entries of a notification configuration document. The root element's name is not checked, as botocore
    /// does not check it: S3 answers <c>&lt;NotificationConfiguration&gt;</c>, moto 5.2.1 an empty
    /// <c>&lt;GetBucketNotificationResponse/&gt;</c> for a bucket without notifications.
    /// </summary>
    public static BucketNotificationConfiguration Parse(XElement root) =>
        new([.. root.Elements().Select(e => e.Name.LocalName == LambdaElement ? new Entry(e, ReadLambda(e)) : new Entry(e, null))]);

    /// <summary>
    /// This configuration with <paramref name="notification"/>: it replaces the Lambda entry of the same id, or is
    /// added after the last Lambda entry (after the topic and queue entries when there is none).
    /// </summary>
    public BucketNotificationConfiguration WithLambdaFunction(LambdaFunctionNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var entries = _entries.ToList();
        var replaced = notification.Id is null ? -1 : entries.FindIndex(e => e.Lambda?.Id == notification.Id);
        if (replaced >= 0)
        {
            // Unchanged, it keeps its XML (and any member this type does not know).
            if (!entries[replaced].Lambda!.Equals(notification))
                entries[replaced] = new Entry(null, notification);
            return new(entries);
        }
        var lastLambda = entries.FindLastIndex(e => e.Lambda is not null);
        var insertAt = lastLambda >= 0
            ? lastLambda + 1
            : entries.FindLastIndex(e => e.Lambda is null && s_entriesBeforeLambda.Contains(e.Xml!.Name.LocalName)) + 1;
        entries.Insert(insertAt, new Entry(null, notification));
        return new(entries);
    }

    /// <summary>This configuration without the Lambda entry of <paramref name="id"/> (unchanged when there is none).</summary>
    public BucketNotificationConfiguration WithoutLambdaFunction(string id) =>
        new([.. _entries.Where(e => e.Lambda is null || e.Lambda.Id != id)]);

    /// <summary>The <c>NotificationConfiguration</c> document to send to S3.</summary>
    public XDocument ToXml() =>
        new(new XElement(Namespace + "NotificationConfiguration", _entries.Select(e => e.Xml is { } xml ? InS3Namespace(xml) : Write(e.Lambda!))));

    private static LambdaFunctionNotification ReadLambda(XElement element)
    {
        string? Text(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var filterRules = element.Elements().Where(e => e.Name.LocalName == "Filter")
            .Elements().Where(e => e.Name.LocalName == "S3Key")
            .Elements().Where(e => e.Name.LocalName == "FilterRule")
            .Select(rule => new S3KeyFilterRule(Text(rule, "Name") ?? "", Text(rule, "Value") ?? ""));
        return new LambdaFunctionNotification
        {
            Id = Text(element, "Id"),
            LambdaFunctionArn = Text(element, "CloudFunction") ?? "",
            Events = [.. element.Elements().Where(e => e.Name.LocalName == "Event").Select(e => e.Value)],
            FilterRules = [.. filterRules],
        };
    }

    // The members in the model's order: Id, LambdaFunctionArn (CloudFunction), Events (Event, flattened), Filter.
    private static XElement Write(LambdaFunctionNotification notification)
    {
        var ns = Namespace;
        return new XElement(ns + LambdaElement,
            notification.Id is null ? null : new XElement(ns + "Id", notification.Id),
            new XElement(ns + "CloudFunction", notification.LambdaFunctionArn),
            notification.Events.Select(e => new XElement(ns + "Event", e)),
            notification.FilterRules.Count == 0
                ? null
                : new XElement(ns + "Filter", new XElement(ns + "S3Key",
                    notification.FilterRules.Select(r => new XElement(ns + "FilterRule", new XElement(ns + "Name", r.Name), new XElement(ns + "Value", r.Value))))));
    }

    // An entry read from a document without S3's namespace is written in it, as every element S3 reads must be.
    private static XElement InS3Namespace(XElement element)
    {
        var copy = new XElement(element);
        foreach (var descendant in copy.DescendantsAndSelf().Where(e => e.Name.Namespace == XNamespace.None))
            descendant.Name = Namespace + descendant.Name.LocalName;
        return copy;
    }

    /// <summary>One entry: its XML as read (null for a new or changed Lambda entry) and, for a Lambda entry, its value.</summary>
    private sealed record Entry(XElement? Xml, LambdaFunctionNotification? Lambda);
}
