using System.Globalization;
using System.Text.Json;
using Chalice.Local.Sqs.Protocol;

namespace Chalice.Local.Sqs.Queues;

/// <summary>
/// The queue attributes SQS knows, their defaults and valid values, as documented for CreateQueue and
/// SetQueueAttributes (shared/fixtures/aws-models/sqs/2012-11-05/service-2.json, <c>QueueAttributeMap</c>). Settable
/// attributes are kept as SQS returns them (numbers and booleans in canonical text); the counters and times are
/// computed by <see cref="LocalQueue"/>.
/// </summary>
internal static class QueueAttributes
{
    public const string DelaySeconds = "DelaySeconds";
    public const string MaximumMessageSize = "MaximumMessageSize";
    public const string MessageRetentionPeriod = "MessageRetentionPeriod";
    public const string ReceiveMessageWaitTimeSeconds = "ReceiveMessageWaitTimeSeconds";
    public const string VisibilityTimeout = "VisibilityTimeout";
    public const string Policy = "Policy";
    public const string RedrivePolicy = "RedrivePolicy";
    public const string RedriveAllowPolicy = "RedriveAllowPolicy";
    public const string KmsMasterKeyId = "KmsMasterKeyId";
    public const string KmsDataKeyReusePeriodSeconds = "KmsDataKeyReusePeriodSeconds";
    public const string SqsManagedSseEnabled = "SqsManagedSseEnabled";
    public const string FifoQueue = "FifoQueue";
    public const string ContentBasedDeduplication = "ContentBasedDeduplication";
    public const string DeduplicationScope = "DeduplicationScope";
    public const string FifoThroughputLimit = "FifoThroughputLimit";

    /// <summary>The attributes SQS computes; they can be read, never set.</summary>
    public static readonly string[] Computed =
    [
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
        "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
    ];

    private static readonly Dictionary<string, (Kind Kind, string? Default, Func<string, string>? Canonical)> s_settable = new(StringComparer.Ordinal)
    {
        [DelaySeconds] = (Kind.Any, "0", v => Integer(DelaySeconds, v, 0, 900)),
        [MaximumMessageSize] = (Kind.Any, "1048576", v => Integer(MaximumMessageSize, v, 1024, 1_048_576)),
        [MessageRetentionPeriod] = (Kind.Any, "345600", v => Integer(MessageRetentionPeriod, v, 60, 1_209_600)),
        [ReceiveMessageWaitTimeSeconds] = (Kind.Any, "0", v => Integer(ReceiveMessageWaitTimeSeconds, v, 0, 20)),
        [VisibilityTimeout] = (Kind.Any, "30", v => Integer(VisibilityTimeout, v, 0, 43_200)),
        [Policy] = (Kind.Any, null, v => JsonObject(Policy, v)),
        [RedrivePolicy] = (Kind.Any, null, null),
        [RedriveAllowPolicy] = (Kind.Any, null, v => JsonObject(RedriveAllowPolicy, v)),
        [KmsMasterKeyId] = (Kind.Any, null, v => v),
        [KmsDataKeyReusePeriodSeconds] = (Kind.Any, null, v => Integer(KmsDataKeyReusePeriodSeconds, v, 60, 86_400)),
        [SqsManagedSseEnabled] = (Kind.Any, "true", v => Boolean(SqsManagedSseEnabled, v)),
        [FifoQueue] = (Kind.CreateOnly, null, v => Boolean(FifoQueue, v)),
        [ContentBasedDeduplication] = (Kind.Fifo, "false", v => Boolean(ContentBasedDeduplication, v)),
        [DeduplicationScope] = (Kind.Fifo, "queue", v => OneOf(DeduplicationScope, v, "messageGroup", "queue")),
        [FifoThroughputLimit] = (Kind.Fifo, "perQueue", v => OneOf(FifoThroughputLimit, v, "perQueue", "perMessageGroupId")),
    };

    private enum Kind { Any, Fifo, CreateOnly }

    /// <summary>The attributes of a new queue: the defaults for its type overlaid with the requested ones, validated.</summary>
    public static Dictionary<string, string> ForNewQueue(bool fifo, IReadOnlyDictionary<string, string>? requested)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, (kind, defaultValue, _)) in s_settable)
        {
            if (defaultValue is not null && (kind != Kind.Fifo || fifo))
                values[name] = defaultValue;
        }
        if (fifo)
            values[FifoQueue] = "true";
        Apply(values, fifo, requested, creating: true);
        return values;
    }

    /// <summary>Validates <paramref name="requested"/> and writes it into <paramref name="values"/>.</summary>
    /// <exception cref="SqsErrorException">An unknown or read-only attribute, or an invalid value.</exception>
    public static void Apply(Dictionary<string, string> values, bool fifo, IReadOnlyDictionary<string, string>? requested, bool creating)
    {
        foreach (var (name, value) in requested ?? new Dictionary<string, string>())
        {
            if (!s_settable.TryGetValue(name, out var definition) || (definition.Kind == Kind.Fifo && !fifo))
                throw SqsErrorException.InvalidAttributeName(name);
            if (definition.Kind == Kind.CreateOnly)
            {
                if (!creating)
                    throw SqsErrorException.InvalidAttributeName(name);
                continue; // the queue's type, decided from the name and this value by the caller
            }
            if (name == RedrivePolicy)
            {
                if (value.Length == 0)
                    values.Remove(name);
                else
                    values[name] = Queues.RedrivePolicy.Parse(value).ToJson();
                continue;
            }
            if (value.Length == 0 && definition.Default is null)
            {
                values.Remove(name);
                continue;
            }
            values[name] = definition.Canonical!(value);
        }
        if (values.ContainsKey(KmsMasterKeyId))
            values.TryAdd(KmsDataKeyReusePeriodSeconds, "300");
    }

    /// <summary>Whether CreateQueue's attributes ask for a FIFO queue (<c>FifoQueue</c> is <c>true</c>).</summary>
    /// <exception cref="SqsErrorException"><c>FifoQueue</c> is neither true nor false.</exception>
    public static bool RequestsFifo(IReadOnlyDictionary<string, string>? attributes) =>
        attributes?.TryGetValue(FifoQueue, out var value) == true && Boolean(FifoQueue, value) == "true";

    /// <summary>Whether the request names a queue attribute SQS defines (including the computed ones and <c>All</c>).</summary>
    public static bool IsKnownName(string name) => name == "All" || s_settable.ContainsKey(name) || Computed.Contains(name);

    public static int IntegerValue(IReadOnlyDictionary<string, string> values, string name) =>
        int.Parse(values[name], CultureInfo.InvariantCulture);

    private static string Integer(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw SqsErrorException.InvalidAttributeValue(name, string.Create(CultureInfo.InvariantCulture, $"Must be an integer from {min} to {max}."));

    private static string Boolean(string name, string value) => value.ToLowerInvariant() switch
    {
        "true" => "true",
        "false" => "false",
        _ => throw SqsErrorException.InvalidAttributeValue(name, "Must be true or false."),
    };

    private static string OneOf(string name, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw SqsErrorException.InvalidAttributeValue(name, $"Must be {string.Join(" or ", allowed)}.");

    private static string JsonObject(string name, string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? value
                : throw SqsErrorException.InvalidAttributeValue(name, "Must be a JSON object.");
        }
        catch (JsonException)
        {
            throw SqsErrorException.InvalidAttributeValue(name, "Must be a JSON object.");
        }
    }
}
